package rasad.edge.problem;

import java.net.URI;

/**
 * Problem types (RFC 9457) that both sides answer with and clients switch on. URNs, not URLs: a problem
 * never points a client at an outside host.
 */
public final class ProblemTypes {

    public static final URI INVALID_INPUT = URI.create("urn:rasad:problem:invalid-input");
    public static final URI MALFORMED_BODY = URI.create("urn:rasad:problem:malformed-body");
    /** A path, query or header that cannot be read at all (a NUL, an encoded slash, a header too long). */
    public static final URI MALFORMED_REQUEST = URI.create("urn:rasad:problem:malformed-request");

    public static final URI RULE_VIOLATION = URI.create("urn:rasad:problem:rule-violation");
    public static final URI UNAUTHENTICATED = URI.create("urn:rasad:problem:unauthenticated");
    public static final URI FORBIDDEN = URI.create("urn:rasad:problem:forbidden");
    public static final URI NOT_FOUND = URI.create("urn:rasad:problem:not-found");
    public static final URI TOO_LARGE = URI.create("urn:rasad:problem:too-large");
    /** An endpoint that was retired; the problem names what replaces it. */
    public static final URI GONE = URI.create("urn:rasad:problem:gone");
    /** The same id already names a different case, or a case of another kind. */
    public static final URI CONFLICT = URI.create("urn:rasad:problem:conflict");

    public static final URI BUSY = URI.create("urn:rasad:problem:busy");
    /** Past a limit: too many writes, or too many failed sign-ins; Retry-After says when to try again. */
    public static final URI TOO_MANY_REQUESTS = URI.create("urn:rasad:problem:too-many-requests");

    public static final URI INTERNAL = URI.create("urn:rasad:problem:internal-error");

    private ProblemTypes() {}
}
