/**
 * The shared domain adapter and the approaches that serve it: {@code combined} (the adapter, trained
 * with injected memories on users who are never evaluated, reading memory) with its part
 * {@code combined/adapter-only}, and {@code domain-lora} (the same recipe on the same data without
 * memories, served without them). Uses the memory and LoRA approaches and the replay loop.
 */
package org.adaptbench.harness.approach.domain;
