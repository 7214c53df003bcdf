package org.adaptbench.harness.approach;

import java.util.List;
import org.adaptbench.datasets.model.Query;

/** Role of an approach that stores memories and can say which history turns stand behind what it recalls. */
public interface EvidenceRecall {

    /** The history turns behind the top-{@code k} memories it recalls for {@code query} (with or without options), best first. */
    List<String> recallSources(String userId, Query query, int k);
}
