package org.adaptbench.cli;

import picocli.CommandLine;

/** Reports the build's version from the jar manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = AdaptBench.class.getPackage().getImplementationVersion();
        return new String[] {"adaptbench " + (version == null ? "development build" : version)};
    }
}
