package nl.verzuimhub.server.security;

/**
 * Claims the hub puts in (and reads from) access tokens.
 *
 * <ul>
 *   <li>{@code organisation}: the code of the recipient's organisation (gemeentecode, partnership code, region id)</li>
 *   <li>{@code organisation_type}: MUNICIPALITY, PARTNERSHIP, GGD_REGION, ...</li>
 *   <li>{@code role}: the recipient role, e.g. ATTENDANCE_OFFICER; becomes the authority {@code ROLE_<role>}</li>
 *   <li>{@code purposes}: the purpose ids the client may use</li>
 * </ul>
 */
public final class HubClaims {
    public static final String ORGANISATION = "organisation";
    public static final String ORGANISATION_TYPE = "organisation_type";
    public static final String ROLE = "role";
    public static final String PURPOSES = "purposes";

    private HubClaims() {
    }
}
