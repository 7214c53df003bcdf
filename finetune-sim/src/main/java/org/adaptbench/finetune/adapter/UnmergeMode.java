package org.adaptbench.finetune.adapter;

/** How a merged adapter is taken out of the base weights. */
public enum UnmergeMode {
    /** W ← W − ΔW: what a server without a copy of the base weights does; leaves fp32 rounding residue. */
    SUBTRACT,
    /** Copy the pre-merge weights back: exact, at the price of having kept that copy. */
    RESTORE
}
