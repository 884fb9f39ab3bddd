package io.statstream.api.access;

import io.statstream.store.RedisEndpoint;

import java.util.Optional;

/**
 * Each client's fair share: its rate of submissions and its cap on unfinished work. Kept in Redis
 * when there is one (both through one client), so that every API instance draws on the same
 * shares, else in this process; none where the API is open and callers are not told apart.
 */
public record ClientShares(SubmissionQuotas quotas, UnfinishedWork unfinished, Optional<RedisEndpoint.Client> redis)
        implements AutoCloseable {
    public static ClientShares none() {
        return new ClientShares(SubmissionQuotas.none(), UnfinishedWork.none(), Optional.empty());
    }

    @Override
    public void close() {
        quotas.close();
        unfinished.close();
        redis.ifPresent(RedisEndpoint.Client::close);
    }
}
