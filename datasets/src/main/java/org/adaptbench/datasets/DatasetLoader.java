package org.adaptbench.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import org.adaptbench.datasets.io.DatasetFormatException;
import org.adaptbench.datasets.jsonl.JsonlDatasetReader;
import org.adaptbench.datasets.jsonl.JsonlLayout;
import org.adaptbench.datasets.locomo.LocomoLoader;
import org.adaptbench.datasets.locomo.LocomoLocation;
import org.adaptbench.datasets.model.Dataset;
import org.adaptbench.datasets.prefeval.PrefEvalLoader;
import org.adaptbench.datasets.prefeval.PrefEvalLocation;
import org.adaptbench.datasets.synthetic.SyntheticWorld;

/**
 * The one entry point for data: {@code synthetic} (generated from the options' config),
 * {@code prefeval} (the shared PrefEval folder), {@code locomo} (the shared LoCoMo folder), or a path
 * to a folder in PrefEval's layout or in the JSONL layout (a generic import or a written synthetic
 * world), or to a LoCoMo file or folder, recognised by its files.
 */
public final class DatasetLoader {

    public static final String SYNTHETIC = "synthetic";
    public static final String PREFEVAL = "prefeval";
    public static final String LOCOMO = LocomoLoader.NAME;

    private DatasetLoader() {
    }

    /** The layouts a folder can be in. */
    public enum Layout { JSONL, PREFEVAL, LOCOMO }

    public static Dataset load(String source, LoadOptions options) {
        if (source.equals(SYNTHETIC)) {
            return SyntheticWorld.generate(options.synthetic()).dataset();
        }
        Path folder = source.equals(PREFEVAL) ? prefEvalRoot(options) : source.equals(LOCOMO) ? locomoRoot() : Path.of(source);
        return switch (detect(folder)) {
            case JSONL -> JsonlDatasetReader.read(folder);
            case PREFEVAL -> PrefEvalLoader.load(folder, options.prefEval());
            case LOCOMO -> LocomoLoader.load(folder);
        };
    }

    /** Which layout {@code folder} (or LoCoMo file) is in; anything else is bad input. */
    public static Layout detect(Path folder) {
        if (!Files.exists(folder)) {
            throw new DatasetFormatException(folder, "", "", "no such folder (expected synthetic, prefeval, locomo or a data set folder)");
        }
        if (!Files.isDirectory(folder)) {
            if (LocomoLoader.isLocomo(folder)) {
                return Layout.LOCOMO;
            }
            throw new DatasetFormatException(folder, "", "", "is a file; a data set is a folder (or a LoCoMo .json file)");
        }
        if (JsonlLayout.isJsonlFolder(folder)) {
            return Layout.JSONL;
        }
        if (PrefEvalLoader.isPrefEvalFolder(folder)) {
            return Layout.PREFEVAL;
        }
        if (LocomoLoader.isLocomo(folder)) {
            return Layout.LOCOMO;
        }
        throw new DatasetFormatException(folder, "", "", "not a data set folder: expected " + JsonlLayout.TURNS
                + " (JSONL layout), " + PrefEvalLoader.MCQ_FOLDER + "/ and the preference folders (PrefEval layout)"
                + " or .json files in LoCoMo's layout");
    }

    /** The shared LoCoMo folder. */
    public static Path locomoRoot() {
        return LocomoLocation.find().orElseThrow(() -> new DatasetFormatException(Path.of("shared", "datasets", "locomo"), "", "",
                "LoCoMo not found: set -D" + LocomoLocation.PROPERTY + "=PATH or pass the file's or folder's path"));
    }

    /** The PrefEval folder the options name, or the shared one. */
    public static Path prefEvalRoot(LoadOptions options) {
        return options.prefEvalRoot().or(PrefEvalLocation::find).orElseThrow(() -> new DatasetFormatException(
                Path.of("shared", "datasets", "prefeval"), "", "",
                "PrefEval not found: set -D" + PrefEvalLocation.PROPERTY + "=PATH or pass the folder's path"));
    }
}
