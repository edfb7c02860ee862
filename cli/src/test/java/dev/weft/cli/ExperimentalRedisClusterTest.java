package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code k6/experimental/redis} in cluster mode against a real redis-server running as a
 * one-node cluster that owns every slot: the {@code cluster.nodes} option, as URLs and as
 * socket objects, routes commands through Jedis' cluster client.
 */
class ExperimentalRedisClusterTest {
    @TempDir
    static Path serverDir;
    static RedisServer redis;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        redis = RedisServer.startOrSkip(serverDir, "--cluster-enabled", "yes", "--cluster-config-file",
                serverDir.resolve("nodes.conf").toString());
        assertThat(redis.command("CLUSTER ADDSLOTSRANGE 0 16383")).isEqualTo("+OK");
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!redis.command("CLUSTER INFO").contains("cluster_state:ok") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stop() {
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void cluster_nodes_given_as_urls_or_objects_run_commands_on_the_cluster() throws Exception {
        Files.writeString(dir.resolve("s.js"), """
                import redis from 'k6/experimental/redis';
                export const options = { iterations: 1 };
                const byUrl = new redis.Client({ cluster: { nodes: [`redis://127.0.0.1:${__ENV.PORT}`] } });
                const byObject = new redis.Client({ cluster: { maxRedirects: 2,
                  nodes: [{ socket: { host: '127.0.0.1', port: Number(__ENV.PORT) } }] } });
                export default async function () {
                  await byUrl.set('cluster:a', 'one');
                  await byObject.hset('cluster:h', 'f', 7);
                  const a = await byObject.get('cluster:a');
                  const h = await byUrl.hgetall('cluster:h');
                  let missing;
                  try { await byUrl.get('cluster:none'); } catch (e) { missing = String(e); }
                  console.log(`got ${a} ${JSON.stringify(h)} ${missing}`);
                }
                """);
        FakeGlobalEnv g = new FakeGlobalEnv(dir, Map.of("HOME", dir.toString()));
        int code = new Cli(g.env).run(List.of("run", "-q", "--address", "", "--log-format", "raw", "-e",
                "PORT=" + redis.port(), "s.js"));
        assertThat(code).as(g.stderr()).isZero();
        assertThat(g.stderr()).contains("got one {\"f\":\"7\"} redis: nil");
    }
}
