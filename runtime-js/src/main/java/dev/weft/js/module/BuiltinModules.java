package dev.weft.js.module;

import dev.weft.js.module.k6.K6Module;

/** The modules Weft ships, registered once per test at start-up. */
public final class BuiltinModules {
    private BuiltinModules() {
    }

    public static ModuleRegistry create() {
        ModuleRegistry registry = new ModuleRegistry()
                .add(new K6Module())
                .add(new dev.weft.js.module.html.HtmlModule())
                .add(new dev.weft.js.module.metrics.MetricsModule())
                .add(new dev.weft.js.module.execution.ExecutionModule())
                .add(new dev.weft.js.module.encoding.EncodingModule()).add(new dev.weft.js.module.crypto.CryptoModule())
                .add(new dev.weft.js.module.timers.TimersModule())
                .add(new dev.weft.js.module.data.DataModule())
                .add(new dev.weft.js.module.http.HttpModule())
                .add(new dev.weft.js.module.ws.WsModule())
                .add(new dev.weft.js.module.websockets.WebSocketsModule())
                .add(new dev.weft.js.module.webcrypto.WebCryptoModule())
                .add(new dev.weft.js.module.commonjs.CommonJsModule())
                .add(new dev.weft.js.module.x509.X509Module())
                .add(new dev.weft.js.module.fs.FsModule())
                .add(new dev.weft.js.module.fs.CsvModule())
                .add(new dev.weft.js.module.streams.StreamsModule())
                .add(new dev.weft.js.module.redis.RedisModule())
                .add(new dev.weft.js.module.grpc.GrpcModule())
                .add(new dev.weft.js.module.secrets.SecretsModule(dev.weft.js.module.secrets.SecretStore.none()));
        dev.weft.js.module.removed.RemovedModule.k6Removed().forEach(registry::add);
        return registry;
    }
}
