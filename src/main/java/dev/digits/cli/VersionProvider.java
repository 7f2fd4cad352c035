package dev.digits.cli;

import picocli.CommandLine;

/** Reports the version written into the jar's manifest by the build. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = DigitsCommand.class.getPackage().getImplementationVersion();
    return new String[] {
      "digits " + (version == null ? "(development build)" : version),
      "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name")
    };
  }
}
