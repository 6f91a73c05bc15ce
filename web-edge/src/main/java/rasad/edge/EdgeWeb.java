package rasad.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import rasad.edge.problem.BodyLimit;
import rasad.edge.problem.ContainerErrorValve;
import rasad.edge.problem.EdgeProblems;
import rasad.edge.problem.ErrorProblems;
import rasad.edge.request.BusinessDates;
import rasad.edge.request.KnownParameters;
import rasad.edge.request.ParameterNames;
import rasad.edge.request.TypedInput;

/**
 * The HTTP edge both sides share: problem details for every error (Spring's, the container's), the body
 * limit, and how bodies are read. Each side adds only its own endpoints and its own failures.
 */
@AutoConfiguration(
        before = ErrorMvcAutoConfiguration.class,
        afterName = "rasad.eventstore.axon.AxonOnMongoAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({EdgeProblems.class, ErrorProblems.class})
public class EdgeWeb {

    @Bean
    FilterRegistrationBean<BodyLimit> bodyLimit(
            @Value("${rasad.api.max-request-bytes:262144}") long maxBytes,
            @Value("${rasad.api.max-upload-bytes:11534336}") long maxUploadBytes,
            @Value("${rasad.api.upload-path:}") String uploadPath,
            ObjectMapper json) {
        FilterRegistrationBean<BodyLimit> registration =
                new FilterRegistrationBean<>(new BodyLimit(maxBytes, maxUploadBytes, uploadPath, json));
        // before security: an oversized body is refused without spending a password check on it
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ParameterNames> parameterNames(ObjectMapper json) {
        FilterRegistrationBean<ParameterNames> registration = new FilterRegistrationBean<>(new ParameterNames(json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return registration;
    }

    /** A query parameter no endpoint reads is a 400 naming it, never silently ignored. */
    @Bean
    WebMvcConfigurer knownParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new KnownParameters());
            }
        };
    }

    @Bean
    BusinessDates businessDates(
            @Value("${rasad.api.business-dates.earliest:2011-03-21}") LocalDate earliest,
            @Value("${rasad.api.business-dates.ahead:P1Y}") Period ahead,
            Clock clock) {
        return new BusinessDates(earliest, ahead, clock);
    }

    @Bean
    TypedInput typedInput(BusinessDates dates) {
        return new TypedInput(dates);
    }

    /** The container's own error pages (requests refused before Spring sees them) as problem details. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> containerErrorsAsProblems() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ContainerErrorValve.class.getName());
            }
        });
    }
}
