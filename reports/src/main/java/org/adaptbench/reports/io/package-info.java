/**
 * Files in and out: writing atomically, so a reader sees the old content or the whole new content,
 * never a part; checking that an input is a regular file before it is opened.
 *
 * <p>A leaf: uses no other package of the module.
 */
package org.adaptbench.reports.io;
