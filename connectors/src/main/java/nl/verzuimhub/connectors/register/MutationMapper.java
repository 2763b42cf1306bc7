package nl.verzuimhub.connectors.register;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import nl.verzuimhub.connectors.register.xml.AbsoluutVerzuim;
import nl.verzuimhub.connectors.register.xml.Actie;
import nl.verzuimhub.connectors.register.xml.Inschrijving;
import nl.verzuimhub.connectors.register.xml.Leerling;
import nl.verzuimhub.connectors.register.xml.Melder;
import nl.verzuimhub.connectors.register.xml.MeldingStatus;
import nl.verzuimhub.connectors.register.xml.Mutatie;
import nl.verzuimhub.connectors.register.xml.Periode;
import nl.verzuimhub.connectors.register.xml.RedenAfsluiting;
import nl.verzuimhub.connectors.register.xml.Verzuimmelding;
import nl.verzuimhub.connectors.register.xml.Verzuimsoort;
import nl.verzuimhub.connectors.register.xml.Vrijstelling;
import nl.verzuimhub.connectors.register.xml.VrijstellingStatus;
import nl.verzuimhub.connectors.register.xml.Ziekmelding;
import nl.verzuimhub.core.identity.PupilIdentifier;
import nl.verzuimhub.core.record.AbsenceReport;
import nl.verzuimhub.core.record.AbsenceType;
import nl.verzuimhub.core.record.AbsoluteAbsence;
import nl.verzuimhub.core.record.ClosingReason;
import nl.verzuimhub.core.record.Enrolment;
import nl.verzuimhub.core.record.Exemption;
import nl.verzuimhub.core.record.ExemptionArticle;
import nl.verzuimhub.core.record.ExemptionStatus;
import nl.verzuimhub.core.record.Mutation;
import nl.verzuimhub.core.record.MutationAction;
import nl.verzuimhub.core.record.Period;
import nl.verzuimhub.core.record.Pupil;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.record.Reporter;
import nl.verzuimhub.core.record.ReportStatus;
import nl.verzuimhub.core.record.SickReport;

/**
 * Maps the register's JAXB objects to the hub's vocabulary ({@link Mutation} and the {@link RegisterRecord} kinds).
 *
 * <p>Field by field, with no interpretation: codes become the hub-core enum of the same name (every switch is
 * exhaustive, so a code added to the XSD breaks the build until it is mapped here), {@code xs:date} becomes
 * {@link java.time.LocalDate}, {@code xs:dateTime} becomes {@link java.time.OffsetDateTime} keeping its offset (see
 * {@link XmlDates}), {@code Versie} and other integers become {@code int} only when they fit.
 *
 * <p>Contract: {@link #map} returns a complete hub-core mutation or throws {@link PageRejectedException} naming the
 * volgnummer and the field or rule, never a value. Meant for a page that passed {@link RegisterPageValidator}; it
 * still refuses anything hub-core refuses (an identifier failing its check, a period ending before it starts).
 * Stateless and thread-safe.
 */
final class MutationMapper {

    /** Maps every mutation of a page, in order; all or nothing. */
    List<Mutation> mapAll(List<Mutatie> mutations) throws PageRejectedException {
        List<Mutation> mapped = new ArrayList<>(mutations.size());
        for (Mutatie mutation : mutations) {
            mapped.add(map(mutation));
        }
        return mapped;
    }

    /** Maps one mutation. */
    Mutation map(Mutatie mutation) throws PageRejectedException {
        try {
            return new Mutation(
                    mutation.getVolgnummer(),
                    action(mutation.getActie()),
                    XmlDates.toOffsetDateTime("tijdstip", mutation.getTijdstip()),
                    record(mutation));
        } catch (IllegalArgumentException | NullPointerException e) {
            // Messages here come from this class, XmlDates and hub-core's constructors: field names and rules only.
            throw new PageRejectedException("volgnummer " + mutation.getVolgnummer() + ": cannot be mapped: " + e.getMessage());
        }
    }

    private static RegisterRecord record(Mutatie mutation) {
        if (mutation.getVerzuimmelding() != null) {
            return absenceReport(mutation.getVerzuimmelding());
        }
        if (mutation.getVrijstelling() != null) {
            return exemption(mutation.getVrijstelling());
        }
        if (mutation.getZiekmelding() != null) {
            return sickReport(mutation.getZiekmelding());
        }
        if (mutation.getAbsoluutVerzuim() != null) {
            return absoluteAbsence(mutation.getAbsoluutVerzuim());
        }
        throw new IllegalArgumentException("the Mutatie carries no object");
    }

    private static AbsenceReport absenceReport(Verzuimmelding in) {
        return new AbsenceReport(
                in.getMeldingId(),
                version(in.getVersie()),
                pupil(in.getLeerling()),
                enrolment(in.getInschrijving()),
                absenceType(in.getVerzuimsoort()),
                period(in.getPeriode()),
                in.getVerzuimuren(),
                toInteger("Verzuimdagen", in.getVerzuimdagen()),
                in.isAlleLessenGemist(),
                in.getVermoedelijkeReden(),
                in.getOndernomenActieSchool(),
                in.isActieGemeenteGewenst(),
                reporter(in.getMelder()),
                reportStatus(in.getStatus()),
                in.getRedenAfsluiting() == null ? null : closingReason(in.getRedenAfsluiting()),
                XmlDates.toLocalDate("Meldingsdatum", in.getMeldingsdatum()),
                XmlDates.toOffsetDateTime("LaatsteMutatie", in.getLaatsteMutatie()));
    }

    private static Exemption exemption(Vrijstelling in) {
        return new Exemption(
                in.getVrijstellingId(),
                version(in.getVersie()),
                pupil(in.getLeerling()),
                in.getLaatsteInschrijving() == null ? null : enrolment(in.getLaatsteInschrijving()),
                ExemptionArticle.fromCode(in.getArtikel()),
                period(in.getPeriode()),
                in.isEerderVrijgesteld(),
                in.getGrond(),
                exemptionStatus(in.getStatus()),
                XmlDates.toOffsetDateTime("LaatsteMutatie", in.getLaatsteMutatie()));
    }

    private static SickReport sickReport(Ziekmelding in) {
        return new SickReport(
                in.getZiekmeldingId(),
                version(in.getVersie()),
                pupil(in.getLeerling()),
                enrolment(in.getInschrijving()),
                period(in.getPeriode()),
                XmlDates.toOffsetDateTime("LaatsteMutatie", in.getLaatsteMutatie()));
    }

    private static AbsoluteAbsence absoluteAbsence(AbsoluutVerzuim in) {
        return new AbsoluteAbsence(
                in.getSignaalId(),
                version(in.getVersie()),
                pupil(in.getLeerling()),
                in.getLaatsteInschrijving() == null ? null : enrolment(in.getLaatsteInschrijving()),
                period(in.getPeriode()),
                reportStatus(in.getStatus()),
                XmlDates.toOffsetDateTime("LaatsteMutatie", in.getLaatsteMutatie()));
    }

    private static Pupil pupil(Leerling in) {
        if (in == null) {
            throw new IllegalArgumentException("Leerling is missing");
        }
        PupilIdentifier identifier;
        if (in.getBsn() != null && in.getOnderwijsnummer() == null) {
            identifier = PupilIdentifier.bsn(in.getBsn());
        } else if (in.getOnderwijsnummer() != null && in.getBsn() == null) {
            identifier = PupilIdentifier.onderwijsnummer(in.getOnderwijsnummer());
        } else {
            throw new IllegalArgumentException("Leerling must have exactly one of Bsn and Onderwijsnummer");
        }
        return new Pupil(identifier, XmlDates.toLocalDate("Geboortedatum", in.getGeboortedatum()), in.getWoongemeente(),
                in.getPostcode());
    }

    private static Enrolment enrolment(Inschrijving in) {
        if (in == null) {
            throw new IllegalArgumentException("Inschrijving is missing");
        }
        return new Enrolment(in.getBrin(), in.getVestiging(), in.getSector() == null ? null : in.getSector().value(),
                in.getSamenwerkingsverband(), toInteger("Leerjaar", in.getLeerjaar()));
    }

    private static Period period(Periode in) {
        if (in == null) {
            throw new IllegalArgumentException("Periode is missing");
        }
        return new Period(XmlDates.toLocalDate("Begindatum", in.getBegindatum()),
                XmlDates.toLocalDate("Einddatum", in.getEinddatum()));
    }

    private static Reporter reporter(Melder in) {
        if (in == null) {
            throw new IllegalArgumentException("Melder is missing");
        }
        return new Reporter(in.getNaam(), in.getFunctie(), in.getTelefoon(), in.getEmail());
    }

    /** {@code Versie} as an int; the schema's positiveInteger has no upper bound, the hub's version does. */
    private static int version(BigInteger versie) {
        if (versie == null) {
            throw new IllegalArgumentException("Versie is missing");
        }
        if (versie.signum() <= 0 || versie.bitLength() > 31) {
            throw new IllegalArgumentException("Versie is outside 1.." + Integer.MAX_VALUE);
        }
        return versie.intValue();
    }

    private static Integer toInteger(String field, BigInteger value) {
        if (value == null) {
            return null;
        }
        if (value.bitLength() > 31) {
            throw new IllegalArgumentException(field + " is larger than " + Integer.MAX_VALUE);
        }
        return value.intValue();
    }

    private static MutationAction action(Actie in) {
        if (in == null) {
            throw new IllegalArgumentException("actie is missing");
        }
        return switch (in) {
            case NIEUW -> MutationAction.NIEUW;
            case GEWIJZIGD -> MutationAction.GEWIJZIGD;
            case INGETROKKEN -> MutationAction.INGETROKKEN;
        };
    }

    private static AbsenceType absenceType(Verzuimsoort in) {
        if (in == null) {
            throw new IllegalArgumentException("Verzuimsoort is missing");
        }
        return switch (in) {
            case V_3 -> AbsenceType.V3;
            case V_4 -> AbsenceType.V4;
            case LRV -> AbsenceType.LRV;
            case L -> AbsenceType.L;
            case RMC -> AbsenceType.RMC;
            case O -> AbsenceType.O;
        };
    }

    private static ReportStatus reportStatus(MeldingStatus in) {
        if (in == null) {
            throw new IllegalArgumentException("Status is missing");
        }
        return switch (in) {
            case GEREGISTREERD -> ReportStatus.GEREGISTREERD;
            case IN_BEHANDELING -> ReportStatus.IN_BEHANDELING;
            case AFGESLOTEN -> ReportStatus.AFGESLOTEN;
            case INGETROKKEN -> ReportStatus.INGETROKKEN;
            case TER_KENNISGEVING_AANGENOMEN -> ReportStatus.TER_KENNISGEVING_AANGENOMEN;
        };
    }

    private static ClosingReason closingReason(RedenAfsluiting in) {
        return switch (in) {
            case TERUG_NAAR_SCHOOL -> ClosingReason.TERUG_NAAR_SCHOOL;
            case ANDERE_OPLEIDING -> ClosingReason.ANDERE_OPLEIDING;
            case WERK -> ClosingReason.WERK;
            case BEEINDIGD_OVERIG -> ClosingReason.BEEINDIGD_OVERIG;
            case OVERLEDEN -> ClosingReason.OVERLEDEN;
            case LANGDURIG_ZIEK -> ClosingReason.LANGDURIG_ZIEK;
            case LEGITIEM_AFWEZIG -> ClosingReason.LEGITIEM_AFWEZIG;
        };
    }

    private static ExemptionStatus exemptionStatus(VrijstellingStatus in) {
        if (in == null) {
            throw new IllegalArgumentException("Status is missing");
        }
        return switch (in) {
            case ACTIEF -> ExemptionStatus.ACTIEF;
            case BEEINDIGD -> ExemptionStatus.BEEINDIGD;
            case INGETROKKEN -> ExemptionStatus.INGETROKKEN;
        };
    }
}
