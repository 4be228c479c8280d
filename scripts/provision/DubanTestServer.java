import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.time.Instant;
import java.util.Arrays;

/**
 * Starts Temporal's Java test server like its own main class (arguments: PORT [--enable-time-skipping]),
 * plus one thing that class cannot do: begin the server clock at `--start-time=ISO-INSTANT`, so
 * workflow tests can run on a past calendar (e.g. the 2021 National Day holidays).
 */
public final class DubanTestServer {
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("Usage: DubanTestServer <port> [--enable-time-skipping] [--start-time=2021-09-01T00:00:00Z]");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    boolean timeSkipping = Arrays.asList(args).contains("--enable-time-skipping");
    String start = null;
    for (String arg : args) {
      if (arg.startsWith("--start-time=")) start = arg.substring("--start-time=".length());
    }
    long initialTimeMillis = start == null || start.isEmpty() ? 0L : Instant.parse(start).toEpochMilli();
    TestServicesStarter services = new TestServicesStarter(!timeSkipping, initialTimeMillis);
    ServerBuilder<?> builder = Grpc.newServerBuilderForPort(port, InsecureServerCredentials.create());
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
    Server server = builder.build().start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
    server.awaitTermination();
  }
}
