package rasad.web.apis;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * The two APIs as the signed-in person calls them: each request carries their access token (renewed with the
 * refresh token when it has expired), added here on the server, so that no token ever reaches the browser.
 */
@Configuration
class RasadApis {

    static final String REGISTRATION = "rasad";

    @Bean
    QueryApi queryApi(RestClient.Builder builder, WebSettings settings, OAuth2AuthorizedClientManager clients) {
        return new QueryApi(asThePerson(builder.clone(), clients)
                .baseUrl(settings.queryUrl().toString())
                .build());
    }

    @Bean
    CommandApi commandApi(
            RestClient.Builder builder,
            WebSettings settings,
            OAuth2AuthorizedClientManager clients,
            ObjectMapper json) {
        return new CommandApi(
                asThePerson(builder.clone(), clients)
                        .baseUrl(settings.commandUrl().toString())
                        .build(),
                json);
    }

    private static RestClient.Builder asThePerson(RestClient.Builder builder, OAuth2AuthorizedClientManager clients) {
        OAuth2ClientHttpRequestInterceptor tokens = new OAuth2ClientHttpRequestInterceptor(clients);
        tokens.setClientRegistrationIdResolver(request -> REGISTRATION);
        return builder.requestInterceptor(tokens);
    }
}
