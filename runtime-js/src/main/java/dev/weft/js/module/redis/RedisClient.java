package dev.weft.js.module.redis;

import dev.weft.net.CountingSocket;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import redis.clients.jedis.ConnectionFactory;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisSocketFactory;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.providers.PooledConnectionProvider;
import redis.clients.jedis.providers.SentineledConnectionProvider;

/**
 * One {@code redis.Client} of one VU: its options, and the Jedis client it builds the first time
 * a command runs (so init code does no I/O, as in k6), with a pool of connections that commands
 * running at once share. {@link #execute} blocks and is called on worker (virtual) threads, any
 * number at once; single-node connections count their bytes for data_sent/data_received.
 */
final class RedisClient implements AutoCloseable {
    private static final int DEFAULT_DIAL_MILLIS = 5_000;
    private static final int DEFAULT_READ_MILLIS = 3_000;

    private final RedisOptions options;
    private final boolean insecure;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private UnifiedJedis jedis;
    private boolean closed;

    RedisClient(RedisOptions options, boolean insecure) {
        this.options = options;
        this.insecure = insecure;
    }

    /** Bytes written since the last call, and the counter reset. */
    long takeSent() {
        return sent.getAndSet(0);
    }

    /** Bytes read since the last call, and the counter reset. */
    long takeReceived() {
        return received.getAndSet(0);
    }

    /**
     * Runs one command and converts its reply; throws {@link RedisFailure} with the message k6
     * would reject with.
     */
    Object execute(String command, List<String> args, String key, Reply reply) {
        try {
            ProtocolCommand cmd = new Command(command);
            byte[][] raw = new byte[args.size()][];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = args.get(i).getBytes(StandardCharsets.UTF_8);
            }
            UnifiedJedis j = jedis();
            Object answer = key == null ? j.sendCommand(cmd, raw)
                    : j.sendCommand(key.getBytes(StandardCharsets.UTF_8), cmd, raw);
            return reply.convert(answer);
        } catch (Reply.Nil e) {
            throw new RedisFailure(e.getMessage());
        } catch (RuntimeException e) {
            throw new RedisFailure(message(e));
        }
    }

    private UnifiedJedis jedis() {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("redis: client is closed");
            }
            if (jedis == null) {
                jedis = build();
            }
            return jedis;
        } finally {
            lock.unlock();
        }
    }

    private UnifiedJedis build() {
        SSLContext tls = null;
        if (options.tls() != null) {
            try {
                tls = RedisTls.context(options.tls(), insecure);
            } catch (Exception e) {
                throw new IllegalArgumentException("tls: " + e.getMessage(), e);
            }
        }
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        int size = options.poolSize() > 0 ? options.poolSize() : 10 * Runtime.getRuntime().availableProcessors();
        pool.setMaxTotal(size);
        pool.setMaxIdle(size);
        pool.setMinIdle(Math.max(0, options.minIdleConns()));
        pool.setTestOnBorrow(false);
        pool.setTestWhileIdle(false);
        long readMillis = readMillis();
        long poolWait = options.poolTimeoutMillis() > 0 ? options.poolTimeoutMillis()
                : (readMillis > 0 ? readMillis : DEFAULT_READ_MILLIS) + 1_000;
        pool.setMaxWait(Duration.ofMillis(poolWait));
        JedisClientConfig config = clientConfig(options.username(), options.password(), options.database(), tls);
        Duration retries = Duration.ofMillis(dialMillis() + Math.max(readMillis, 0) + 1_000);
        return switch (options.mode()) {
            case SINGLE -> {
                RedisOptions.Address a = options.addresses().get(0);
                JedisSocketFactory sockets = new Sockets(a, tls, config);
                yield new UnifiedJedis(new PooledConnectionProvider(new ConnectionFactory(sockets, config), pool),
                        1, retries);
            }
            case CLUSTER -> {
                Set<HostAndPort> nodes = new LinkedHashSet<>();
                options.addresses().forEach(a -> nodes.add(new HostAndPort(a.host(), a.port())));
                int attempts = (options.maxRedirects() > 0 ? options.maxRedirects() : 3) + 1;
                yield new JedisCluster(nodes, config, attempts, pool);
            }
            case SENTINEL -> {
                Set<HostAndPort> sentinels = new LinkedHashSet<>();
                options.addresses().forEach(a -> sentinels.add(new HostAndPort(a.host(), a.port())));
                JedisClientConfig sentinelConfig = clientConfig(options.sentinelUsername(),
                        options.sentinelPassword(), 0, tls);
                yield new UnifiedJedis(new SentineledConnectionProvider(options.masterName(), config, pool,
                        sentinels, sentinelConfig), 1, retries);
            }
        };
    }

    private JedisClientConfig clientConfig(String user, String password, int db, SSLContext tls) {
        DefaultJedisClientConfig.Builder b = DefaultJedisClientConfig.builder()
                .protocol(RedisProtocol.RESP2)
                .connectionTimeoutMillis(dialMillis())
                .socketTimeoutMillis((int) Math.max(0, readMillis()))
                .database(db);
        if (!user.isEmpty()) {
            b.user(user);
        }
        if (!password.isEmpty()) {
            b.password(password);
        }
        if (!options.clientName().isEmpty()) {
            b.clientName(options.clientName());
        }
        if (tls != null) {
            b.ssl(true).sslSocketFactory(tls.getSocketFactory());
            if (insecure) {
                b.hostnameVerifier((host, session) -> true);
            }
        }
        return b.build();
    }

    private int dialMillis() {
        long d = options.dialTimeoutMillis();
        return d > 0 ? (int) Math.min(Integer.MAX_VALUE, d) : DEFAULT_DIAL_MILLIS;
    }

    /** The read timeout: the option, -1 (none) or the default. */
    private long readMillis() {
        long r = options.readTimeoutMillis();
        return r > 0 ? r : r < 0 ? -1 : DEFAULT_READ_MILLIS;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            if (jedis != null) {
                jedis.close();
                jedis = null;
            }
        } finally {
            lock.unlock();
        }
    }

    /** k6's wording for a failure: the server's error text, or Go's dial errors for connection failures. */
    private String message(RuntimeException e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 10; depth++) {
            if (t instanceof JedisDataException && t.getMessage() != null) {
                return t.getMessage();
            }
            if (t instanceof javax.net.ssl.SSLHandshakeException) {
                String m = String.valueOf(t.getMessage());
                return m.contains("PKIX") || m.contains("certification path")
                        ? "tls: failed to verify certificate: x509: certificate signed by unknown authority"
                        : m.contains("No subject alternative") || m.contains("doesn't match")
                        ? "tls: failed to verify certificate: x509: certificate is not valid for this host"
                        : "remote error: tls: handshake failure";
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof SocketTimeoutException) {
                return dialMessage(t);
            }
            Throwable next = t.getCause();
            if (next == null && t.getSuppressed().length > 0) {
                next = t.getSuppressed()[0];
            }
            t = next;
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private String dialMessage(Throwable t) {
        RedisOptions.Address a = options.addresses().get(0);
        if (t instanceof UnknownHostException) {
            return "dial tcp: lookup " + a.host() + ": no such host";
        }
        if (t instanceof SocketTimeoutException) {
            return "dial tcp " + a + ": i/o timeout";
        }
        return "dial tcp " + a + ": connect: connection refused";
    }

    /** A command by name, as sendCommand passes any. */
    private record Command(String name) implements ProtocolCommand {
        @Override
        public byte[] getRaw() {
            return name.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Opens counted (and, when asked, TLS) sockets to one node. */
    private final class Sockets implements JedisSocketFactory {
        private final RedisOptions.Address address;
        private final SSLContext tls;
        private final JedisClientConfig config;

        Sockets(RedisOptions.Address address, SSLContext tls, JedisClientConfig config) {
            this.address = address;
            this.tls = tls;
            this.config = config;
        }

        @Override
        public Socket createSocket() throws JedisConnectionException {
            Socket socket = new CountingSocket(sent, received);
            try {
                socket.setTcpNoDelay(true);
                socket.setKeepAlive(true);
                socket.connect(new InetSocketAddress(address.host(), address.port()), config.getConnectionTimeoutMillis());
                socket.setSoTimeout(config.getSocketTimeoutMillis());
                if (tls == null) {
                    return socket;
                }
                String name = options.tls().serverName() != null ? options.tls().serverName() : address.host();
                SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(socket, name, address.port(), true);
                SSLParameters params = ssl.getSSLParameters();
                if (!insecure) {
                    params.setEndpointIdentificationAlgorithm("HTTPS");
                }
                if (!name.isEmpty() && !Character.isDigit(name.charAt(0)) && !name.contains(":")) {
                    params.setServerNames(List.of(new SNIHostName(name)));
                }
                ssl.setSSLParameters(params);
                ssl.startHandshake();
                return ssl;
            } catch (IOException e) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the connect failure is what matters
                }
                throw new JedisConnectionException("Failed to connect to " + address, e);
            }
        }
    }
}
