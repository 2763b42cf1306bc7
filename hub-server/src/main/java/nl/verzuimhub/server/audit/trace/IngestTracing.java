package nl.verzuimhub.server.audit.trace;

import nl.verzuimhub.dpia.TraceContext;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.RoutePolicySupport;
import org.springframework.stereotype.Component;

/**
 * Every exchange of every Camel route (one register poll is one exchange) gets a trace of its own: current on the
 * consumer's thread from the exchange's start to its end, so whatever ingest writes to the audit log carries it. The
 * trace id is also kept on the exchange as property {@value #PROPERTY}.
 */
@Component
public class IngestTracing implements CamelContextConfiguration {
    public static final String PROPERTY = "verzuimhub.traceparent";

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        camel.addRoutePolicyFactory(new RoutePolicyFactory() {
            @Override
            public RoutePolicy createRoutePolicy(CamelContext context, String routeId, NamedNode route) {
                return new TracePerExchange();
            }
        });
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
        // nothing to do once started
    }

    static final class TracePerExchange extends RoutePolicySupport {
        private static final String SCOPE = "verzuimhub.traceScope";

        @Override
        public void onExchangeBegin(Route route, Exchange exchange) {
            TraceContext trace = TraceContext.newTrace();
            exchange.setProperty(PROPERTY, trace.traceparent());
            exchange.setProperty(SCOPE, TraceScope.open(trace));
        }

        @Override
        public void onExchangeDone(Route route, Exchange exchange) {
            TraceScope scope = exchange.getProperty(SCOPE, TraceScope.class);
            if (scope != null) {
                exchange.removeProperty(SCOPE);
                scope.close();
            }
        }
    }
}
