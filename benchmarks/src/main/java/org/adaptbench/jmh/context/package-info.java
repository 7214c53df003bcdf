/**
 * JMH: assembling the injected context (memory against the full transcript).
 */
package org.adaptbench.jmh.context;
