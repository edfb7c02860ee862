/**
 * k6/net/grpc's engine, free of the JS runtime: compiling {@code .proto} files with protoc,
 * the descriptors a client knows ({@link dev.weft.grpc.ServiceCatalog}), connections
 * ({@link dev.weft.grpc.GrpcConnection}) with server reflection, unary and streaming calls whose
 * messages travel as protojson text, and the {@code grpc_*} samples with k6's tags.
 */
package dev.weft.grpc;
