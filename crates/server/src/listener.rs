//! The connection loop. A client that sends half its headers, or keeps a connection open doing
//! nothing, is cut off after `--header-timeout-seconds` (hyper's header-read timeout, which also
//! bounds the wait for the next request on a kept-alive connection); a body must arrive within
//! `--body-timeout-seconds`. On shutdown the loop stops accepting, lets requests in flight finish
//! for at most `--shutdown-grace-seconds`, then closes what is left.

use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tower::ServiceExt as _;

/// How long each phase may take.
#[derive(Debug, Clone, Copy)]
pub struct Timeouts {
    pub header: Duration,
    pub grace: Duration,
}

/// Serves `router` on `listener` until `shutdown` completes.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    timeouts: Timeouts,
    shutdown: impl std::future::Future<Output = ()>,
) {
    let graceful = GracefulShutdown::new();
    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(timeouts.header)
        // Above `guard::request_limits`, which answers oversized requests in the API's shape
        // with the security headers; hyper's own bare 431 is for what lies beyond.
        .max_headers(4 * crate::guard::MAX_HEADERS)
        .keep_alive(true);
    tokio::pin!(shutdown);
    loop {
        let (socket, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors and the like: wait a little, keep serving.
                    tracing::warn!(%error, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let router = router.clone();
        let (builder, watcher, header) = (builder.clone(), graceful.watcher(), timeouts.header);
        tokio::spawn(async move {
            // hyper's header timer starts with the first byte: a client that connects and
            // sends nothing is closed here.
            let mut first = [0u8; 1];
            if !matches!(
                tokio::time::timeout(header, socket.peek(&mut first)).await,
                Ok(Ok(1))
            ) {
                return;
            }
            let service =
                hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
                    request
                        .extensions_mut()
                        .insert(ConnectInfo::<SocketAddr>(remote));
                    router.clone().oneshot(request)
                });
            let connection = builder.serve_connection_with_upgrades(TokioIo::new(socket), service);
            if let Err(error) = watcher.watch(connection.into_owned()).await {
                tracing::debug!(%error, "connection ended");
            }
        });
    }
    drop(listener);
    tracing::info!("shutting down: finishing requests in flight");
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(timeouts.grace) => tracing::warn!(
            seconds = timeouts.grace.as_secs(),
            "shutdown deadline reached: closing the connections still open"
        ),
    }
}
