package dev.xpost.app;

import dev.xpost.platform.Platform;

/** Makes the adapter of a configured platform for one run. */
@FunctionalInterface
public interface PlatformFactory {
    /**
     * @throws dev.xpost.platform.PlatformException when the platform cannot be used in this mode (a real run
     *                                              without its token)
     */
    Platform create(String name, Services services, PublishUseCase.Mode mode);
}
