package dev.digits.serving;

import java.time.Duration;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;

/**
 * At most a number of connections at once; at the limit the server stops accepting, and every
 * connection open then idles out after a short timeout, so connections that never send a request
 * cannot keep real clients out for long.
 *
 * <p>Jetty's limit shortens the timeout of the connections already set up when it is reached; one
 * accepted at that moment is set up a little later and would keep the usual 30 s. This also
 * shortens it for every connection set up while the server is at its limit.
 */
final class ConnectionCap extends NetworkConnectionLimit implements Connection.Listener {
  private final long crowdedIdleMillis;

  ConnectionCap(Server server, int maxConnections, Duration crowdedIdleTimeout) {
    super(maxConnections, server);
    this.crowdedIdleMillis = crowdedIdleTimeout.toMillis();
    setEndPointIdleTimeout(crowdedIdleMillis);
  }

  @Override
  public void onOpened(Connection connection) {
    if (getNetworkConnectionCount() + getPendingNetworkConnectionCount()
        >= getMaxNetworkConnectionCount()) {
      connection.getEndPoint().setIdleTimeout(crowdedIdleMillis);
    }
  }
}
