package dev.xpost.app;

import dev.xpost.platform.Platform;
import dev.xpost.platform.PlatformException;
import dev.xpost.platform.PlatformSetup;

/**
 * Builds the real platform adapters, each by its own package from its settings, its secrets and the shared HTTP
 * client ({@link PlatformSetup#open}). A secret goes only into the client of the platform it belongs to; without
 * one, plans and dry runs work offline and a real run stops that platform.
 */
public final class Adapters implements PlatformFactory {
    @Override
    public Platform create(String name, Services services, PublishUseCase.Mode mode) {
        PlatformSetup setup = Setups.of(services.config(), name);
        if (setup == null) {
            throw new PlatformException(name, PlatformException.Kind.CONFIG, "unknown platform " + name);
        }
        return setup.open(services.platformContext(), mode == PublishUseCase.Mode.LIVE);
    }
}
