package rasad.command.monitoring;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertSettings.class)
class MonitoringConfiguration {

    /**
     * A rule that fails on an event must not skip it (Axon's default logs and goes on): the processor stops,
     * retries the batch with a growing pause, and its status shows it is stuck; alerts are late, never lost.
     */
    @Autowired
    void rulesNeverSkipAnEvent(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(
                MonitoringProcessor.NAME, c -> PropagatingErrorHandler.instance());
        processing.registerListenerInvocationErrorHandler("alert-follow-ups", c -> PropagatingErrorHandler.instance());
    }
}
