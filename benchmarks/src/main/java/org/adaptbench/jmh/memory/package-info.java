/**
 * JMH: the memory stores: search, writes, deletes, footprint.
 */
package org.adaptbench.jmh.memory;
