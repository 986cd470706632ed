package org.mailoutcome.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code mail-outcome --version}: the project's version, from the jar's manifest ({@code Implementation-Version}),
 * else from {@code version.properties}, which the build writes too (the classes directory has no manifest).
 * picocli asks for it whenever it builds a command, so the jar's case must stay cheap: the manifest is read anyway,
 * where opening the resource would open the jar a second time (about 30 ms).
 */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        String fromManifest = Version.class.getPackage().getImplementationVersion();
        if (fromManifest != null) return new String[] {"mail-outcome " + fromManifest};
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) properties.load(in);
        }
        return new String[] {"mail-outcome " + properties.getProperty("version", "(unknown version)")};
    }
}
