package io.statstream.runtime;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TopicReplicationTest {
    @Test
    void threeCopiesAndTwoInSyncWhereThereAreThreeBrokersOrMore() {
        assertEquals(new TopicSetup.Replication((short) 3, 2), TopicSetup.replicationFor(3, Optional.empty()));
        assertEquals(new TopicSetup.Replication((short) 3, 2), TopicSetup.replicationFor(7, Optional.empty()));
    }

    @Test
    void smallerClustersKeepACopyPerBrokerAndAcknowledgeWithOneBrokerDown() {
        assertEquals(new TopicSetup.Replication((short) 1, 1), TopicSetup.replicationFor(1, Optional.empty()));
        assertEquals(new TopicSetup.Replication((short) 2, 1), TopicSetup.replicationFor(2, Optional.empty()));
    }

    @Test
    void aConfiguredFactorWins() {
        assertEquals(new TopicSetup.Replication((short) 1, 1), TopicSetup.replicationFor(3, Optional.of((short) 1)));
        assertEquals(new TopicSetup.Replication((short) 5, 2), TopicSetup.replicationFor(5, Optional.of((short) 5)));
    }
}
