package rasad.edge.problem;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * The servlet container's own error answers (a path it will not decode, a header too large, a request that
 * never reached Spring) as problem details instead of Tomcat's HTML page. Nothing of the request is echoed:
 * the container refused it before reading what it meant.
 */
public class ContainerErrorValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        boolean clientError = status < 500;
        String body = "{\"type\":\"" + (clientError ? ProblemTypes.MALFORMED_REQUEST : ProblemTypes.INTERNAL) + "\","
                + "\"title\":\"" + (clientError ? "Malformed request" : "Internal error") + "\","
                + "\"status\":" + status + ","
                + "\"detail\":\""
                + (clientError
                        ? "the request cannot be read: its path, query or headers break HTTP's rules or the size limits"
                        : "Rasad could not complete the request; retrying with the same ids is safe")
                + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException cannotAnswer) {
            // the connection is gone or the answer is already on its way: nothing more can be said
            response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, cannotAnswer);
        }
    }
}
