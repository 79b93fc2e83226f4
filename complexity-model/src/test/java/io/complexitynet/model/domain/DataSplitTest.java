package io.complexitynet.model.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.complexitynet.core.task.Partition;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataSplitTest {

    @Test
    void mbppSplitFollowsTheTaskIdRanges() {
        DataSplit mbpp = DataSplit.mbpp();
        assertEquals(Partition.EXCLUDED, mbpp.partitionOf("10"));
        assertEquals(Partition.TEST, mbpp.partitionOf("11"));
        assertEquals(Partition.TEST, mbpp.partitionOf("510"));
        assertEquals(Partition.VALIDATION, mbpp.partitionOf("511"));
        assertEquals(Partition.VALIDATION, mbpp.partitionOf("600"));
        assertEquals(Partition.TRAIN, mbpp.partitionOf("601"));
        assertEquals(Partition.TRAIN, mbpp.partitionOf("974"));
        assertEquals(Partition.EXCLUDED, mbpp.partitionOf("975"));
    }

    @Test
    void mbppSplitExcludesIdsThatAreNotMbppTaskNumbers() {
        assertEquals(Partition.EXCLUDED, DataSplit.mbpp().partitionOf("HumanEval/3"));
    }

    @Test
    void explicitSplitExcludesWhatItDoesNotList() {
        DataSplit split = DataSplit.explicit("paper-150", Map.of("1", Partition.TRAIN, "20", Partition.TEST));
        assertEquals("paper-150", split.name());
        assertEquals(Partition.TRAIN, split.partitionOf("1"));
        assertEquals(Partition.TEST, split.partitionOf("20"));
        assertEquals(Partition.EXCLUDED, split.partitionOf("30"));
    }
}
