package nl.verzuimhub.server.security;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 403 with a problem+json body. Throw it only after the denial is in the audit log. */
public class ForbiddenException extends ErrorResponseException {
    public ForbiddenException(String detail) {
        super(HttpStatus.FORBIDDEN, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail), null);
    }
}
