public import Logging
import Metrics
public import Prometheus
import Synchronization

/// Logging and metrics for the process, bootstrapped once.
public enum Observability {
    private static let registryBox = Mutex<PrometheusCollectorRegistry?>(nil)

    /// Sets up swift-log (key=value lines on stdout, with the service name) and swift-metrics
    /// with a Prometheus registry. Calling it again is harmless.
    @discardableResult
    public static func bootstrap(serviceName: String, logLevel: Logger.Level) -> PrometheusCollectorRegistry {
        registryBox.withLock { box in
            if let registry = box { return registry }
            let registry = PrometheusCollectorRegistry()
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardOutput(label: label)
                handler.logLevel = logLevel
                handler.metadata["service"] = "\(serviceName)"
                return handler
            }
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
            box = registry
            return registry
        }
    }

    /// The registry `/metrics` renders (a fresh one if `bootstrap` was not called, as in tests).
    public static var registry: PrometheusCollectorRegistry {
        registryBox.withLock { $0 ?? PrometheusCollectorRegistry() }
    }
}
