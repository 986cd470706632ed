package org.mailoutcome.samples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code mail-outcome --version}: the project's version, written into {@code version.properties} by the build. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) properties.load(in);
        }
        return new String[] {"mail-outcome " + properties.getProperty("version", "(unknown version)")};
    }
}
