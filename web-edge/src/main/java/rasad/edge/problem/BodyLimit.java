package rasad.edge.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every body is limited on the bytes actually read, whether the client declared its length or sent it
 * chunked: a declared length above the limit is refused before reading, and a body that grows past it is cut
 * at the limit and refused (413), before anything is recorded. Uploads ({@code rasad.api.upload-paths}) have
 * their own, larger limit, which the servlet container's multipart parser enforces.
 */
public class BodyLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final long maxUploadBytes;
    private final String uploadPath;
    private final ObjectMapper json;

    public BodyLimit(long maxBytes, long maxUploadBytes, String uploadPath, ObjectMapper json) {
        this.maxBytes = maxBytes;
        this.maxUploadBytes = maxUploadBytes;
        this.uploadPath = uploadPath;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean upload = !uploadPath.isEmpty() && request.getRequestURI().startsWith(uploadPath);
        long limit = upload ? maxUploadBytes : maxBytes;
        if (request.getContentLengthLong() > limit) {
            Problems.write(response, json, tooLarge(limit));
            return;
        }
        chain.doFilter(upload ? request : new Limited(request, limit), response);
    }

    public static ProblemDetail tooLarge(long limit) {
        return Problems.of(
                HttpStatus.PAYLOAD_TOO_LARGE,
                ProblemTypes.TOO_LARGE,
                "Request too large",
                "a request body here is at most " + limit + " bytes");
    }

    /** Read past the limit: whatever was being parsed is abandoned. */
    public static class BodyTooLargeException extends IOException {

        private final long limit;

        BodyTooLargeException(long limit) {
            super("the body is longer than " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream body;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new Counted(super.getInputStream(), limit);
            }
            return body;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class Counted extends ServletInputStream {

        private final ServletInputStream body;
        private final long limit;
        private long read;

        Counted(ServletInputStream body, long limit) {
            this.body = body;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int next = body.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, (int) Math.min(length, limit - read + 1));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
