/** Network pieces shared by the protocol clients: sockets that count what crosses them. */
package dev.weft.net;
