package org.adaptbench.finetune.cost;

/** The Linear projections of a Llama-style decoder layer that LoRA can target. */
public enum Projection {
    Q("q_proj"), K("k_proj"), V("v_proj"), O("o_proj"), GATE("gate_proj"), UP("up_proj"), DOWN("down_proj");

    private final String id;

    Projection(String id) {
        this.id = id;
    }

    /** The module name used by Hugging Face PEFT ({@code q_proj}, ...). */
    public String id() {
        return id;
    }

    public static Projection fromId(String id) {
        for (Projection projection : values()) {
            if (projection.id.equals(id)) {
                return projection;
            }
        }
        throw new IllegalArgumentException("unknown projection '" + id + "', expected q_proj, k_proj, v_proj, o_proj, gate_proj, up_proj or down_proj");
    }
}
