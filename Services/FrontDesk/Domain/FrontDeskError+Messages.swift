/// The Dutch messages of `FrontDeskError`, kept apart so the enum stays readable.
extension FrontDeskError {
    static func dutchMessage(for error: FrontDeskError) -> String {
        switch error {
        case .invalidBSN(let problem):
            switch problem {
            case .empty: "Vul het BSN in. U vindt het op het identiteitsbewijs."
            case .notDigits:
                "Het BSN mag alleen cijfers bevatten. Controleer het nummer op het identiteitsbewijs."
            case .wrongLength:
                "Het BSN moet 9 cijfers hebben (bij 8 cijfers zetten wij er een 0 voor). "
                    + "Controleer het nummer op het identiteitsbewijs."
            case .allZeros: "Dit BSN bestaat niet. Vul het BSN van het identiteitsbewijs in."
            case .elevenTestFailed:
                "Dit BSN klopt niet: de elfproef faalt. Waarschijnlijk is een cijfer verkeerd getypt of zijn "
                    + "twee cijfers omgewisseld. Controleer het nummer op het identiteitsbewijs."
            }
        case .invalidPostcode(let input):
            "‘\(input)’ is geen geldige postcode. Een postcode heeft 4 cijfers en 2 letters, bijvoorbeeld 6811 AB."
        case .missingField(_, let label):
            "\(label) is niet ingevuld. Vul dit veld in."
        case .fieldTooLong(_, let label, let maxLength, let actualLength):
            "\(label) is te lang: \(actualLength) tekens, terwijl er maximaal \(maxLength) mogen. Kort de tekst in."
        case .invalidEmail:
            "Dit e-mailadres is ongeldig. Gebruik de vorm naam@voorbeeld.nl, zonder spaties."
        case .invalidPhone:
            "Dit telefoonnummer is ongeldig. Gebruik 6 tot 20 cijfers; spaties, streepjes en een + aan het begin "
                + "mogen, bijvoorbeeld 026 123 45 67 of +31 26 123 45 67."
        case .invalidHouseNumber:
            "Het huisnummer moet een getal van 1 tot en met 99999 zijn. Zet een letter of toevoeging in het "
                + "veld Toevoeging."
        case .invalidBirthDate(let problem):
            switch problem {
            case .inFuture: "De geboortedatum ligt in de toekomst. Controleer de datum."
            case .tooEarly: "De geboortedatum ligt vóór 1890. Controleer het jaartal."
            }
        case .invalidDate(_, let label):
            "\(label) is geen geldige datum. Gebruik de vorm dd-mm-jjjj, bijvoorbeeld 31-03-1950."
        case .preferredChannelUnreachable(let channel):
            switch channel {
            case .letter:
                "De contactvoorkeur is brief, maar er is geen adres. Vul een adres in of kies een ander kanaal."
            case .email:
                "De contactvoorkeur is e-mail, maar er is geen e-mailadres. Vul een e-mailadres in of kies een "
                    + "ander kanaal."
            case .sms, .phone:
                "De contactvoorkeur is \(channel.dutchName.lowercased()), maar er is geen telefoonnummer. "
                    + "Vul een telefoonnummer in of kies een ander kanaal."
            }
        case .memberAlreadyInHousehold:
            "Deze persoon hoort al bij dit huishouden. Pas zo nodig de relatie aan."
        case .principalAlreadySet:
            "Dit huishouden heeft al een hoofdpersoon. Kies voor dit gezinslid een andere relatie."
        case .coordinatorAlreadyAssigned(let current):
            "Dit huishouden heeft al een regisseur (\(current)). Een andere regisseur kan alleen via een "
                + "overdracht, met een reden."
        case .noCoordinator:
            "Dit huishouden heeft nog geen regisseur. Wijs eerst een regisseur toe."
        case .handOverToSameCoordinator:
            "De nieuwe regisseur is dezelfde als de huidige. Kies een andere medewerker."
        case .activePlanExists:
            "Dit huishouden heeft al een actief plan (één gezin, één plan). Werk dat plan bij of sluit het "
                + "eerst af."
        case .noActivePlan:
            "Dit huishouden heeft geen actief plan. Start eerst een plan."
        case .invalidTransition(let from, let to):
            "Een hulpvraag met status ‘\(from.dutchName)’ kan niet naar ‘\(to.dutchName)’. "
                + transitionHint(from: from, to: to)
        case .invalidRouteTransition(let kind, let from, let to):
            "De route ‘\(kind.dutchName)’ staat op ‘\(from.dutchName)’ en kan niet naar ‘\(to.dutchName)’. "
                + (from.isFinal
                    ? "Deze route is al klaar; kies zo nodig een nieuwe route."
                    : "Ververs de pagina en probeer het opnieuw.")
        case .routeAlreadyOpen(let kind, let partner):
            "Deze hulpvraag heeft al een lopende route ‘\(kind.dutchName)’"
                + (partner.map { " naar \($0)" } ?? "")
                + ". Wacht op de uitkomst of annuleer die route eerst."
        case .routeNotFound:
            "Deze route bestaat niet (meer) bij deze hulpvraag. Ververs de pagina."
        case .noDecisionYet:
            "Over deze hulpvraag is nog geen beschikking ontvangen. Een arrangement dat tekortschiet kan pas na het besluit worden gemeld."
        case .routesStillOpen(let kinds):
            "De hulpvraag heeft nog \(kinds.count) lopende route(s): "
                + kinds.map(\.dutchName).joined(separator: ", ")
                + ". Wacht tot alle routes klaar zijn, of sluit af met een reden; lopende routes worden dan "
                + "geannuleerd."
        case .noCategories:
            "Kies ten minste één leefgebied voordat u de hulpvraag doorzet."
        case .invalidReferralTransition(let from, let to):
            "De doorverwijzing staat op ‘\(from.dutchName)’ en kan niet naar ‘\(to.dutchName)’. "
                + "Neem contact op met de partner om de stand van zaken na te gaan."
        case .consentMissing(let partner):
            "Er is geen toestemming van de burger om gegevens met \(partner) te delen. Leg eerst vast welke "
                + "gegevens de burger met deze partner wil delen."
        case .consentWithdrawn(let partner, let day):
            "De burger heeft de toestemming voor \(partner) op \(day.dutchFormatted) ingetrokken. Vraag opnieuw "
                + "toestemming voordat u de hulpvraag doorzet."
        case .consentNotForPartner(let consentPartner, let requestedPartner):
            "Deze toestemming geldt voor \(consentPartner), niet voor \(requestedPartner). Leg toestemming vast "
                + "voor \(requestedPartner) of kies \(consentPartner)."
        case .consentNotForRequest:
            "Deze toestemming hoort bij een andere hulpvraag. Leg toestemming vast voor deze hulpvraag."
        case .consentNotForPerson:
            "Deze toestemming of hulpvraag hoort bij een andere persoon. Controleer of u de juiste persoon "
                + "hebt geopend."
        case .consentWithoutReachableItem:
            "Kies ten minste één gegeven waarmee de partner de burger kan bereiken: telefoonnummer, e-mailadres "
                + "of adres."
        case .consentAlreadyWithdrawn:
            "Deze toestemming is al ingetrokken. Er hoeft niets meer te gebeuren."
        case .unknownPartner(let partner):
            "De partner ‘\(partner)’ staat niet op de sociale kaart van uw gemeente. Kies een partner uit de lijst."
        case .partnerCannotReceiveReferrals(let partner):
            "‘\(partner)’ neemt geen doorverwijzingen aan (algemene voorziening of niet actief). Geef de burger "
                + "zelf de informatie (route ‘Beantwoord’) of kies een andere partner."
        case .otherMunicipality:
            "Deze gegevens horen bij een andere gemeente en zijn voor u niet zichtbaar. Zoek binnen uw eigen "
                + "gemeente."
        case .personNotFound:
            "Deze persoon is niet gevonden in uw gemeente. Zoek op BSN, naam en geboortedatum of postcode, of "
                + "registreer de persoon."
        case .personAlreadyRegistered:
            "Er is al een persoon met dit BSN geregistreerd in uw gemeente. Zoek de persoon op in plaats van "
                + "hem opnieuw te registreren."
        case .requestNotFound:
            "Deze hulpvraag is niet gevonden in uw gemeente. Ververs de werkvoorraad of zoek via de persoon."
        case .requestWithoutPerson:
            "Deze hulpvraag is anoniem. Koppel eerst een geregistreerde persoon aan de hulpvraag."
        case .consentNotFound:
            "Deze toestemming is niet gevonden in uw gemeente. Ververs de pagina."
        case .decisionNotFound:
            "Deze beschikking is niet gevonden in uw gemeente. Controleer of de indicatie al is afgegeven."
        case .invalidPartnerID(let id):
            "‘\(id)’ is geen geldige partnercode. Gebruik alleen kleine letters, cijfers en streepjes, "
                + "bijvoorbeeld mee-gelderse-poort."
        case .partnerAlreadyExists(let partner):
            "De partner ‘\(partner)’ staat al op de sociale kaart van uw gemeente. Kies een andere code."
        case .notPermitted(let action):
            "U mag dit niet doen met uw rol: \(action). Vraag een collega met de juiste rol of de beheerder."
        case .searchCriteriaMissing:
            "Vul een zoekterm in: een BSN, een naam met geboortedatum, of een postcode."
        case .householdNotFound:
            "Dit huishouden is niet gevonden in uw gemeente. Open het huishouden via een van de gezinsleden."
        case .notACoordinator(let name):
            "‘\(name)’ is geen regisseur in uw gemeente. Kies een medewerker met de rol regisseur."
        case .questionNotClarified:
            "De hulpvraag is nog niet verhelderd. Vul eerst de verhelderde vraag in: de eigen woorden van de "
                + "burger gaan niet naar partners."
        case .personalDataInText(_, let label, let item):
            "\(label) noemt \(item.dutchName) van de burger. Haal dat eruit: deze tekst gaat naar een partner "
                + "of dienst, die alleen de toegestane contactgegevens krijgt."
        case .consentItemWithoutValue(let item):
            "Van deze burger is geen \(item.dutchName.lowercased()) bekend. Vink het uit, of vul het eerst in bij "
                + "de persoonsgegevens."
        case .notTheCoordinator(let current):
            current.map { "Alleen de regisseur van dit huishouden (\($0.rawValue)) of een teamleider mag dit doen." }
                ?? "Dit huishouden heeft geen regisseur; alleen een teamleider mag dit doen."
        case .invalidCharacters(_, let label):
            "\(label) bevat onzichtbare stuurtekens (bijvoorbeeld uit een ander programma geplakt). Typ de tekst "
                + "opnieuw in."
        case .notAComplaint:
            "Een klachtencommissie adviseert alleen over een klacht. Deze hulpvraag is geen klacht; laat het vinkje "
                + "leeg."
        case .invalidTimeWindow(let slot):
            "'\(slot.prefix(30))' is geen dagdeel. Kies dagen en dagdelen (ochtend, middag, avond)."
        case .invalidDuration:
            "De duur is 1 tot 104 weken. Laat het leeg als de hulp geen vaste einddatum heeft."
        }
    }

    private static func transitionHint(from: RequestStatus, to: RequestStatus) -> String {
        switch (from, to) {
        case (.closed, _): "De hulpvraag is al afgesloten; maak zo nodig een nieuwe hulpvraag aan."
        case (.received, .routed): "Begin eerst met de vraagverheldering."
        case (_, .closed):
            "Er is nog geen route gekozen. Kies een route, of sluit af met een reden (bijvoorbeeld: ingetrokken "
                + "door de burger)."
        case (_, .clarifying): "De vraagverheldering is al begonnen; u kunt de verhelderde vraag aanpassen."
        default: "Ververs de pagina en probeer het opnieuw."
        }
    }
}
