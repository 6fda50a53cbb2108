package shop.commerce.consistency.domain;

import java.util.Optional;

/** The recorded consistency runs. */
public interface CheckRunRepository {

    void save(CheckRun run);

    Optional<CheckRun> latest();
}
