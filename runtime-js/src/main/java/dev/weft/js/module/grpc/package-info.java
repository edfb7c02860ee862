/**
 * The {@code k6/net/grpc} module: the JS-facing half (Client, Stream, status constants) over
 * the runtime-free engine in {@code dev.weft.grpc}. Only {@link dev.weft.js.module.grpc.GrpcModule}
 * is loaded at start-up; the rest (and grpc-java) load when a script imports the module.
 */
package dev.weft.js.module.grpc;
