package io.statstream.embedded;

import java.io.IOException;
import java.net.ServerSocket;

/** Ports for the servers tests and the local pipeline start: free when asked, on this machine. */
public final class FreePorts {
    private FreePorts() {
    }

    /**
     * A port that nothing listened on a moment ago (the socket that found it is closed again). Another
     * process may take it before the caller binds it; the servers started here bind at once.
     */
    public static int any() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
