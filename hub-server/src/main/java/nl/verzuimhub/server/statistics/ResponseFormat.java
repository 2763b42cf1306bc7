package nl.verzuimhub.server.statistics;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The format a statistics response is written in: from the path's suffix ({@code .json}, {@code .csv}) when it has
 * one, else from the Accept header (most preferred first; none or a wildcard means JSON).
 */
enum ResponseFormat {
    JSON(MediaType.APPLICATION_JSON), CSV(new MediaType("text", "csv"));

    private final MediaType mediaType;

    ResponseFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /**
     * @param suffix the path's suffix without the dot, or null
     * @param accept the Accept header, or null
     * @throws ErrorResponseException 406 with a problem+json body naming the formats on offer
     */
    static ResponseFormat of(String suffix, String accept) {
        if (suffix != null) {
            for (ResponseFormat format : values()) {
                if (format.name().equalsIgnoreCase(suffix)) {
                    return format;
                }
            }
            throw notAcceptable("unknown format '." + suffix + "'");
        }
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        List<MediaType> accepted;
        try {
            accepted = new java.util.ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (IllegalArgumentException e) {
            throw notAcceptable("the Accept header cannot be read");
        }
        org.springframework.util.MimeTypeUtils.sortBySpecificity(accepted);
        for (MediaType wanted : accepted) {
            for (ResponseFormat format : values()) {
                if (wanted.includes(format.mediaType)) {
                    return format;
                }
            }
        }
        throw notAcceptable("none of the accepted types " + accept + " is offered");
    }

    private static ErrorResponseException notAcceptable(String what) {
        return new ErrorResponseException(HttpStatus.NOT_ACCEPTABLE, ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_ACCEPTABLE, what + ": statistics are served as JSON (.json or Accept: application/json)"
                        + " or CSV (.csv or Accept: text/csv)"), null);
    }
}
