/** Reverting a deleted preference on an adapter, and measuring how close behaviour is to a never-learned reference. */
package org.adaptbench.finetune.unlearn;
