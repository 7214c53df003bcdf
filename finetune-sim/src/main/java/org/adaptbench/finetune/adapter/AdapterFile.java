package org.adaptbench.finetune.adapter;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.adaptbench.finetune.architecture.ModelLayer;
import org.adaptbench.finetune.checkpoint.CheckpointFormatException;
import org.adaptbench.finetune.checkpoint.CheckpointReader;
import org.adaptbench.finetune.checkpoint.CheckpointWriter;
import org.adaptbench.finetune.lora.LoraAdapter;
import org.adaptbench.finetune.lora.LoraConfig;
import org.adaptbench.finetune.lora.LowRankFactors;

/**
 * The adapter file: name, the identity (SHA-256) of the base model it was trained on, rank, alpha,
 * and A and B of each target layer in float32, followed by a checksum of the whole.
 */
public final class AdapterFile {

    private static final String MAGIC = "ADAPTBENCH-LORA";
    private static final int FORMAT = 1;

    private AdapterFile() {
    }

    /** Writes {@code adapter} atomically; returns the file's size in bytes. */
    public static long write(LoraAdapter adapter, Path file) {
        return writer(adapter).writeTo(file);
    }

    /** The file's bytes, without writing them. */
    public static byte[] toBytes(LoraAdapter adapter) {
        return writer(adapter).toBytes();
    }

    /** Reads an adapter file; fails naming the file if it is truncated, corrupt or of another format. */
    public static LoraAdapter read(Path file) {
        return read(CheckpointReader.open(file, MAGIC, FORMAT));
    }

    private static CheckpointWriter writer(LoraAdapter adapter) {
        LoraConfig config = adapter.config();
        CheckpointWriter writer = new CheckpointWriter(MAGIC, FORMAT)
                .writeString(adapter.name())
                .writeString(adapter.baseModelIdentity())
                .writeInt(config.rank())
                .writeDouble(config.alpha())
                .writeInt(config.targets().size());
        adapter.factors().forEach((layer, f) -> {
            writer.writeString(layer.id()).writeInt(f.inputs()).writeInt(f.outputs());
            writer.writeTensor(layer.id() + ".lora_a", new long[] {f.rank(), f.inputs()}, f.a());
            writer.writeTensor(layer.id() + ".lora_b", new long[] {f.outputs(), f.rank()}, f.b());
        });
        return writer;
    }

    private static LoraAdapter read(CheckpointReader reader) {
        try {
            String name = reader.readString();
            String identity = reader.readString();
            int rank = reader.readInt();
            double alpha = reader.readDouble();
            int count = reader.readInt();
            if (count < 1 || count > ModelLayer.values().length) {
                throw new CheckpointFormatException(reader.source() + ": implausible number of target layers " + count);
            }
            Set<ModelLayer> targets = EnumSet.noneOf(ModelLayer.class);
            Map<ModelLayer, LowRankFactors> factors = new EnumMap<>(ModelLayer.class);
            for (int i = 0; i < count; i++) {
                ModelLayer layer = ModelLayer.fromId(reader.readString());
                int in = reader.readInt();
                int out = reader.readInt();
                float[] a = reader.readTensor(layer.id() + ".lora_a", rank, in);
                float[] b = reader.readTensor(layer.id() + ".lora_b", out, rank);
                targets.add(layer);
                factors.put(layer, new LowRankFactors(rank, in, out, a, b));
            }
            reader.expectEnd();
            return new LoraAdapter(name, new LoraConfig(rank, alpha, targets), factors, identity);
        } catch (IllegalArgumentException e) {
            throw new CheckpointFormatException(reader.source() + ": " + e.getMessage(), e);
        }
    }
}
