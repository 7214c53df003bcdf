/**
 * The DJL PyTorch runtime on the CPU: the engine, its pinned numerics (thread count, MKL's reproducible
 * mode) and the platform record they produce, tensor managers and inference mode.
 *
 * <p>A leaf: uses no other package of the module (JNA reaches the native libraries' environment and
 * their reports of what they run).
 */
package org.adaptbench.finetune.runtime;
