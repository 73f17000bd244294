<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About SMS Desk</source>
        <translation>Über SMS Desk</translation>
    </message>
    <message>
        <source>SMS Desk</source>
        <translation>SMS Desk</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Built with Qt %1.</source>
        <translation>Erstellt mit Qt %1.</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>Erstellt mit Qt %1, läuft mit Qt %2.</translation>
    </message>
    <message>
        <source>A shared inbox for business SMS.</source>
        <translation>Ein gemeinsamer Posteingang für geschäftliche SMS.</translation>
    </message>
    <message>
        <source>Phone numbers are parsed and formatted with Google&apos;s libphonenumber (Apache License 2.0).</source>
        <translation>Telefonnummern werden mit Googles libphonenumber (Apache License 2.0) gelesen und formatiert.</translation>
    </message>
    <message>
        <source>Released under the MIT License.</source>
        <translation>Veröffentlicht unter der MIT-Lizenz.</translation>
    </message>
</context>
<context>
    <name>AccountConfig</name>
    <message>
        <source>An Account SID is &quot;AC&quot; followed by 32 hexadecimal characters</source>
        <translation>Eine Account SID besteht aus „AC“ und 32 Hexadezimalzeichen</translation>
    </message>
    <message>
        <source>The Account SID is empty. </source>
        <translation>Die Account SID ist leer. </translation>
    </message>
    <message>
        <source>The Account SID has spaces before or after it. </source>
        <translation>Die Account SID hat Leerzeichen davor oder danach. </translation>
    </message>
    <message>
        <source>The Account SID must start with &quot;AC&quot; (an API key SID starts with &quot;SK&quot; and is not an Account SID). </source>
        <translation>Die Account SID muss mit „AC“ beginnen (eine API-Schlüssel-SID beginnt mit „SK“ und ist keine Account SID). </translation>
    </message>
    <message>
        <source>The Account SID has %1 characters instead of 34. </source>
        <translation>Die Account SID hat %1 statt 34 Zeichen. </translation>
    </message>
    <message>
        <source>The Account SID contains characters that are not hexadecimal digits. </source>
        <translation>Die Account SID enthält Zeichen, die keine Hexadezimalziffern sind. </translation>
    </message>
    <message>
        <source>The %1 base URL is empty.</source>
        <translation>Die %1-Basis-URL ist leer.</translation>
    </message>
    <message>
        <source>The %1 base URL is not a valid URL: %2</source>
        <translation>Die %1-Basis-URL ist keine gültige URL: %2</translation>
    </message>
    <message>
        <source>The %1 base URL &quot;%2&quot; must start with https://.</source>
        <translation>Die %1-Basis-URL „%2“ muss mit https:// beginnen.</translation>
    </message>
    <message>
        <source>The %1 base URL &quot;%2&quot; has no host name.</source>
        <translation>Die %1-Basis-URL „%2“ hat keinen Hostnamen.</translation>
    </message>
    <message>
        <source>The %1 base URL must not contain a user name or password; the Auth Token is kept in the keychain.</source>
        <translation>Die %1-Basis-URL darf weder Benutzernamen noch Passwort enthalten; der Auth Token liegt im Schlüsselbund.</translation>
    </message>
    <message>
        <source>The %1 base URL &quot;%2&quot; must not have a query (?…) or fragment (#…).</source>
        <translation>Die %1-Basis-URL „%2“ darf weder Abfrage (?…) noch Fragment (#…) haben.</translation>
    </message>
    <message>
        <source>The %1 base URL &quot;%2&quot; uses plain http to %3: the Auth Token would travel unencrypted. Use https:// (http is allowed only for 127.0.0.1, ::1 and localhost).</source>
        <translation>Die %1-Basis-URL „%2“ verwendet unverschlüsseltes http zu %3: Der Auth Token würde unverschlüsselt übertragen. Verwenden Sie https:// (http ist nur für 127.0.0.1, ::1 und localhost erlaubt).</translation>
    </message>
</context>
<context>
    <name>AccountPages</name>
    <message>
        <source>No account open</source>
        <translation>Kein Konto geöffnet</translation>
    </message>
    <message>
        <source>Choose or add an account.</source>
        <translation>Wählen Sie ein Konto oder fügen Sie eines hinzu.</translation>
    </message>
    <message>
        <source>Import contacts…</source>
        <translation>Kontakte importieren…</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Zielgruppe</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Kampagnen</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <source>Sender numbers</source>
        <translation>Absendernummern</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Schlüsselwörter</translation>
    </message>
    <message>
        <source>Messaging Services</source>
        <translation>Messaging-Dienste</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Änderungsprotokoll</translation>
    </message>
</context>
<context>
    <name>AccountSetup</name>
    <message>
        <source>The account needs a name, e.g. the business it texts for.</source>
        <translation>Das Konto braucht einen Namen, z. B. das Unternehmen, für das es SMS sendet.</translation>
    </message>
    <message>
        <source>The Auth Token is empty. It is on the provider console next to the Account SID.</source>
        <translation>Der Auth Token ist leer. Er steht in der Konsole des Anbieters neben der Account SID.</translation>
    </message>
    <message>
        <source>The Auth Token has spaces before or after it.</source>
        <translation>Der Auth Token hat Leerzeichen davor oder danach.</translation>
    </message>
    <message>
        <source>The API key SID is SK and 32 hexadecimal digits; an admin creates one for you on the Team page.</source>
        <translation>Die API-Schlüssel-SID besteht aus SK und 32 Hexadezimalziffern; ein Admin erstellt sie für Sie auf der Seite „Team“.</translation>
    </message>
    <message>
        <source>The API key secret is empty. It was shown once, when the key was created.</source>
        <translation>Das API-Schlüssel-Geheimnis ist leer. Es wurde einmal angezeigt, als der Schlüssel erstellt wurde.</translation>
    </message>
    <message>
        <source>The API key secret has spaces before or after it.</source>
        <translation>Das API-Schlüssel-Geheimnis hat Leerzeichen davor oder danach.</translation>
    </message>
    <message>
        <source>Connected to %1 (%2).</source>
        <translation>Verbunden mit %1 (%2).</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>the Auth Token</source>
        <translation>den Auth Token</translation>
    </message>
    <message>
        <source>the API key</source>
        <translation>den API-Schlüssel</translation>
    </message>
    <message>
        <source>Cannot save the account: %1</source>
        <translation>Das Konto kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>No keychain is available to keep %1 (%2).</source>
        <translation>Es ist kein Schlüsselbund verfügbar, um %1 aufzubewahren (%2).</translation>
    </message>
    <message>
        <source>The keychain did not keep %1: %2</source>
        <translation>Der Schlüsselbund hat %1 nicht aufbewahrt: %2</translation>
    </message>
</context>
<context>
    <name>AccountSetupDialog</name>
    <message>
        <source>API key SID</source>
        <translation>API-Schlüssel-SID</translation>
    </message>
    <message>
        <source>Auth Token</source>
        <translation>Auth Token</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Account credentials</source>
        <translation>Zugangsdaten des Kontos</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <source>The business this account texts for</source>
        <translation>Das Unternehmen, für das dieses Konto SMS sendet</translation>
    </message>
    <message>
        <source>Auth Token (the account&apos;s owner)</source>
        <translation>Auth Token (des Kontoinhabers)</translation>
    </message>
    <message>
        <source>My API key (SK…, from an admin)</source>
        <translation>Mein API-Schlüssel (SK…, von einem Admin)</translation>
    </message>
    <message>
        <source>Kept in the system keychain, never on disk</source>
        <translation>Im Schlüsselbund des Systems aufbewahrt, nie auf der Festplatte</translation>
    </message>
    <message>
        <source>The provider&apos;s API address. Change it only for a sandbox or a proxy; any host other than this computer must use https.</source>
        <translation>Die API-Adresse des Anbieters. Ändern Sie sie nur für eine Sandbox oder einen Proxy; jeder Host außer diesem Computer muss https verwenden.</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Kontoname</translation>
    </message>
    <message>
        <source>Account SID</source>
        <translation>Account SID</translation>
    </message>
    <message>
        <source>Sign in with</source>
        <translation>Anmelden mit</translation>
    </message>
    <message>
        <source>API base URL</source>
        <translation>API-Basis-URL</translation>
    </message>
    <message>
        <source>Key secret</source>
        <translation>Schlüssel-Geheimnis</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
    <message>
        <source>Nothing was kept. Start a keychain (GNOME Keyring, KWallet) and save again, or keep the token for this session only.</source>
        <translation>Nichts wurde gespeichert. Starten Sie einen Schlüsselbund (GNOME Keyring, KWallet) und speichern Sie erneut, oder behalten Sie den Token nur für diese Sitzung.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Checking the credentials with the provider…</source>
        <translation>Die Zugangsdaten werden beim Anbieter geprüft…</translation>
    </message>
</context>
<context>
    <name>AudiencePage</name>
    <message>
        <source>Invalid number</source>
        <translation>Ungültige Nummer</translation>
    </message>
    <message>
        <source>Unsubscribed (opted out)</source>
        <translation>Abgemeldet (Opt-out)</translation>
    </message>
    <message>
        <source>Not text-enabled</source>
        <translation>Nicht SMS-fähig</translation>
    </message>
    <message>
        <source>Duplicate number</source>
        <translation>Doppelte Nummer</translation>
    </message>
    <message>
        <source>Open support conversation</source>
        <translation>Offene Support-Unterhaltung</translation>
    </message>
    <message>
        <source>Frequency cap reached</source>
        <translation>Häufigkeitsgrenze erreicht</translation>
    </message>
    <message>
        <source>Promotional campaign (the frequency cap applies)</source>
        <translation>Werbekampagne (die Häufigkeitsgrenze gilt)</translation>
    </message>
    <message>
        <source>Leave out contacts with an open conversation</source>
        <translation>Kontakte mit offener Unterhaltung auslassen</translation>
    </message>
    <message>
        <source>no cap</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source>Left out because</source>
        <translation>Ausgelassen wegen</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Account rules</source>
        <translation>Kontoregeln</translation>
    </message>
    <message>
        <source>a day,</source>
        <translation>pro Tag,</translation>
    </message>
    <message>
        <source>in 7 days</source>
        <translation>in 7 Tagen</translation>
    </message>
    <message>
        <source>Promotional texts at most</source>
        <translation>Werbe-SMS höchstens</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>1 contact will be texted</source>
        <translation>1 Kontakt wird angeschrieben</translation>
    </message>
    <message>
        <source>%1 contacts will be texted</source>
        <translation>%1 Kontakte werden angeschrieben</translation>
    </message>
    <message>
        <source>%1 in the segment, %2 left out</source>
        <translation>%1 im Segment, %2 ausgelassen</translation>
    </message>
    <message>
        <source>Contacts left out, by reason</source>
        <translation>Ausgelassene Kontakte, nach Grund</translation>
    </message>
</context>
<context>
    <name>AudienceSegmentForm</name>
    <message>
        <source>every one of these tags, e.g. vip, newsletter</source>
        <translation>alle diese Tags, z. B. vip, newsletter</translation>
    </message>
    <message>
        <source>none of these tags</source>
        <translation>keines dieser Tags</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>(any)</source>
        <translation>(beliebig)</translation>
    </message>
    <message>
        <source>Everyone not opted out</source>
        <translation>Alle, die sich nicht abgemeldet haben</translation>
    </message>
    <message>
        <source>Only recorded opt-ins</source>
        <translation>Nur erfasste Anmeldungen</translation>
    </message>
    <message>
        <source>Only contacts with no consent record</source>
        <translation>Nur Kontakte ohne Einwilligungseintrag</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Except tags</source>
        <translation>Außer Tags</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Attribut</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Einwilligung</translation>
    </message>
    <message>
        <source>No contact has tags yet</source>
        <translation>Noch hat kein Kontakt Tags</translation>
    </message>
    <message>
        <source>Known tags: %1</source>
        <translation>Bekannte Tags: %1</translation>
    </message>
    <message>
        <source>Attribute value</source>
        <translation>Attributwert</translation>
    </message>
</context>
<context>
    <name>AuditLogModel</name>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <source>All changes</source>
        <translation>Alle Änderungen</translation>
    </message>
    <message>
        <source>Sender numbers</source>
        <translation>Absendernummern</translation>
    </message>
    <message>
        <source>Keyword processes</source>
        <translation>Schlüsselwort-Abläufe</translation>
    </message>
    <message>
        <source>Confirmation rules</source>
        <translation>Bestätigungsregeln</translation>
    </message>
    <message>
        <source>Consent changed by hand</source>
        <translation>Einwilligung von Hand geändert</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Every change to numbers, keyword processes, confirmation rules and consent made by hand, with who made it. The log cannot be edited or deleted.</source>
        <translation>Jede Änderung an Nummern, Schlüsselwort-Abläufen, Bestätigungsregeln und von Hand geänderter Einwilligung, mit der Person, die sie vorgenommen hat. Das Protokoll kann weder bearbeitet noch gelöscht werden.</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Änderungsprotokoll</translation>
    </message>
</context>
<context>
    <name>AuditLogView</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>exclusive short code</source>
        <translation>exklusiver Kurzwahlnummer</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Bearbeitet</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Shared short code set</source>
        <translation>Geteilte Kurzwahlnummer festgelegt</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
</context>
<context>
    <name>CampaignCommands</name>
    <message>
        <source>Only marketers and admins of the team change campaigns.</source>
        <translation>Nur Marketing und Admins des Teams ändern Kampagnen.</translation>
    </message>
    <message>
        <source>Choose a campaign.</source>
        <translation>Wählen Sie eine Kampagne.</translation>
    </message>
    <message>
        <source>There is no campaign %1.</source>
        <translation>Es gibt keine Kampagne %1.</translation>
    </message>
    <message>
        <source>campaign %1 is not a campaign of the account %2</source>
        <translation>Kampagne %1 gehört nicht zum Konto %2</translation>
    </message>
    <message>
        <source>a campaign needs a name</source>
        <translation>Eine Kampagne braucht einen Namen</translation>
    </message>
    <message>
        <source>a campaign needs at least one template version</source>
        <translation>Eine Kampagne braucht mindestens eine Vorlagenversion</translation>
    </message>
    <message>
        <source>a campaign needs at least one sender number</source>
        <translation>Eine Kampagne braucht mindestens eine Absendernummer</translation>
    </message>
    <message>
        <source>the campaign has no recipients</source>
        <translation>Die Kampagne hat keine Empfänger</translation>
    </message>
</context>
<context>
    <name>CampaignListModel</name>
    <message>
        <source>%1 sent, %2 failed of %3</source>
        <translation>%1 gesendet, %2 fehlgeschlagen von %3</translation>
    </message>
    <message>
        <source>%1 sent of %2</source>
        <translation>%1 gesendet von %2</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Expected finish</source>
        <translation>Voraussichtliches Ende</translation>
    </message>
</context>
<context>
    <name>CampaignOptions</name>
    <message>
        <source>%1 (%2 seg/s)</source>
        <translation>%1 (%2 Seg./s)</translation>
    </message>
</context>
<context>
    <name>CampaignPlanInput</name>
    <message>
        <source>cannot read the sender pool: %1</source>
        <translation>Der Absender-Pool kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>there is no sender number %1</source>
        <translation>Es gibt keine Absendernummer %1</translation>
    </message>
    <message>
        <source>unknown account time zone &apos;%1&apos;</source>
        <translation>Unbekannte Zeitzone des Kontos „%1“</translation>
    </message>
    <message>
        <source>variant %1: there is no template version %2</source>
        <translation>Variante %1: Es gibt keine Vorlagenversion %2</translation>
    </message>
    <message>
        <source>variant %1: template version %2 is %3, not approved</source>
        <translation>Variante %1: Vorlagenversion %2 ist %3, nicht freigegeben</translation>
    </message>
</context>
<context>
    <name>CampaignProgressView</name>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Cancel campaign</source>
        <translation>Kampagne abbrechen</translation>
    </message>
    <message>
        <source>Send test to me</source>
        <translation>Test an mich senden</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In der Warteschlange</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>Geantwortet</translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Your number, +1415...</source>
        <translation>Ihre Nummer, +49…</translation>
    </message>
    <message>
        <source>Type the number the test should go to.</source>
        <translation>Geben Sie die Nummer ein, an die der Test gehen soll.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Hold-out</source>
        <translation>Kontrollgruppe</translation>
    </message>
    <message>
        <source>Variant %1</source>
        <translation>Variante %1</translation>
    </message>
    <message>
        <source> · %1 of %2 sent before the cancel</source>
        <translation> · %1 von %2 vor dem Abbruch gesendet</translation>
    </message>
    <message>
        <source> · expected finish %1</source>
        <translation> · voraussichtliches Ende %1</translation>
    </message>
    <message>
        <source> · %1 held out</source>
        <translation> · %1 in der Kontrollgruppe</translation>
    </message>
    <message>
        <source> · %1 scheduled at the provider</source>
        <translation> · %1 beim Anbieter geplant</translation>
    </message>
    <message>
        <source> · %1 not sent: too late</source>
        <translation> · %1 nicht gesendet: zu spät</translation>
    </message>
    <message>
        <source> · run by %1</source>
        <translation> · ausgeführt von %1</translation>
    </message>
    <message>
        <source>Cancel campaign %1? %2 of %3 texts have already been sent; the other %4 will not be sent.</source>
        <translation>Kampagne %1 abbrechen? %2 von %3 SMS sind bereits gesendet; die übrigen %4 werden nicht gesendet.</translation>
    </message>
    <message>
        <source> (%1 failed or were skipped.)</source>
        <translation> (%1 sind fehlgeschlagen oder wurden übersprungen.)</translation>
    </message>
    <message>
        <source> %1 of the sent are scheduled at the provider and will be canceled there.</source>
        <translation> %1 der gesendeten sind beim Anbieter geplant und werden dort storniert.</translation>
    </message>
    <message>
        <source>Keep sending</source>
        <translation>Weiter senden</translation>
    </message>
</context>
<context>
    <name>CampaignScheduleEditor</name>
    <message>
        <source>Spring sale</source>
        <translation>Frühjahrsaktion</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Jetzt senden</translation>
    </message>
    <message>
        <source>At a time</source>
        <translation>Zu einem Zeitpunkt</translation>
    </message>
    <message>
        <source>At each recipient&apos;s local time</source>
        <translation>Zur Ortszeit jedes Empfängers</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>recipient local time</source>
        <translation>Ortszeit des Empfängers</translation>
    </message>
    <message>
        <source>Template version</source>
        <translation>Vorlagenversion</translation>
    </message>
    <message>
        <source>Split %</source>
        <translation>Anteil %</translation>
    </message>
    <message>
        <source>Add variant</source>
        <translation>Variante hinzufügen</translation>
    </message>
    <message>
        <source>One number per line, in E.164 (+14155550123)</source>
        <translation>Eine Nummer pro Zeile, im E.164-Format (+4915112345678)</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Planen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Datum und Uhrzeit</translation>
    </message>
    <message>
        <source>Quiet hours</source>
        <translation>Ruhezeiten</translation>
    </message>
    <message>
        <source>Sender pool</source>
        <translation>Absender-Pool</translation>
    </message>
    <message>
        <source>Variants</source>
        <translation>Varianten</translation>
    </message>
    <message>
        <source>Hold-out group</source>
        <translation>Kontrollgruppe</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>An audience of contacts</source>
        <translation>Eine Zielgruppe aus Kontakten</translation>
    </message>
    <message>
        <source>Numbers I paste</source>
        <translation>Nummern, die ich einfüge</translation>
    </message>
    <message>
        <source>%1 of %2 contacts in the segment will be texted.</source>
        <translation>%1 von %2 Kontakten im Segment werden angeschrieben.</translation>
    </message>
    <message>
        <source>Left out: %1.</source>
        <translation>Ausgelassen: %1.</translation>
    </message>
    <message>
        <source>Not scheduled: %1</source>
        <translation>Nicht geplant: %1</translation>
    </message>
    <message>
        <source>Give the campaign a name.</source>
        <translation>Geben Sie der Kampagne einen Namen.</translation>
    </message>
    <message>
        <source>Choose at least one sender number.</source>
        <translation>Wählen Sie mindestens eine Absendernummer.</translation>
    </message>
    <message>
        <source>There is no approved template version to send.</source>
        <translation>Es gibt keine freigegebene Vorlagenversion zum Senden.</translation>
    </message>
    <message>
        <source>The variants and the hold-out add up to %1 %, not 100 %.</source>
        <translation>Die Varianten und die Kontrollgruppe ergeben zusammen %1 %, nicht 100 %.</translation>
    </message>
    <message>
        <source>The audience has no one to text: choose other tags or attributes.</source>
        <translation>Die Zielgruppe enthält niemanden zum Anschreiben: Wählen Sie andere Tags oder Attribute.</translation>
    </message>
    <message>
        <source>Add the recipients&apos; numbers.</source>
        <translation>Fügen Sie die Nummern der Empfänger hinzu.</translation>
    </message>
    <message>
        <source>Give</source>
        <translation>Geben</translation>
    </message>
    <message>
        <source>1 text.</source>
        <translation>1 SMS.</translation>
    </message>
    <message>
        <source>%1 texts.</source>
        <translation>%1 SMS.</translation>
    </message>
    <message>
        <source>1 text, %2 held out. Expected finish: %3%4</source>
        <translation>1 SMS, %2 in der Kontrollgruppe. Voraussichtliches Ende: %3%4</translation>
    </message>
    <message>
        <source>%1 texts, %2 held out. Expected finish: %3%4</source>
        <translation>%1 SMS, %2 in der Kontrollgruppe. Voraussichtliches Ende: %3%4</translation>
    </message>
    <message>
        <source> (%1 wait for the end of quiet hours)</source>
        <translation> (%1 warten auf das Ende der Ruhezeiten)</translation>
    </message>
    <message>
        <source>Quiet hours start</source>
        <translation>Beginn der Ruhezeiten</translation>
    </message>
    <message>
        <source>Quiet hours end</source>
        <translation>Ende der Ruhezeiten</translation>
    </message>
    <message>
        <source>Recipient numbers</source>
        <translation>Nummern der Empfänger</translation>
    </message>
    <message>
        <source>Template version of variant %1</source>
        <translation>Vorlagenversion von Variante %1</translation>
    </message>
    <message>
        <source>Split of variant %1, percent</source>
        <translation>Anteil von Variante %1, Prozent</translation>
    </message>
    <message>
        <source>Only numbers with a recorded opt-in (needed for promotional texts)</source>
        <translation>Nur Nummern mit erfasster Anmeldung (für Werbe-SMS erforderlich)</translation>
    </message>
    <message>
        <source>Promotional texts need the customer&apos;s consent. Untick only for transactional messages to numbers that expect them.</source>
        <translation>Werbe-SMS brauchen die Einwilligung des Kunden. Entfernen Sie den Haken nur für Transaktionsnachrichten an Nummern, die sie erwarten.</translation>
    </message>
    <message>
        <source>%1 time</source>
        <translation>Zeit %1</translation>
    </message>
    <message>
        <source>%1 time (%2)</source>
        <translation>Zeit %1 (%2)</translation>
    </message>
    <message>
        <source>Name the campaign and choose its recipients to see when it would finish.</source>
        <translation>Geben Sie der Kampagne einen Namen und wählen Sie die Empfänger, um zu sehen, wann sie fertig wäre.</translation>
    </message>
    <message>
        <source>%1 of %2 numbers have no recorded opt-in and are left out.</source>
        <translation>%1 von %2 Nummern haben keine erfasste Anmeldung und werden ausgelassen.</translation>
    </message>
    <message>
        <source>No number has a recorded opt-in.</source>
        <translation>Keine Nummer hat eine erfasste Anmeldung.</translation>
    </message>
</context>
<context>
    <name>CampaignsPage</name>
    <message>
        <source>New campaign</source>
        <translation>Neue Kampagne</translation>
    </message>
    <message>
        <source>Test message queued.</source>
        <translation>Test-SMS in die Warteschlange gestellt.</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Kampagnen</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Replace smart punctuation</source>
        <translation>Typografische Satzzeichen ersetzen</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Save as canned reply</source>
        <translation>Als Textbaustein speichern</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Canned replies</source>
        <translation>Textbausteine</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>Senden (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Write an internal note for the team, never sent (Ctrl+Shift+N)</source>
        <translation>Eine interne Notiz für das Team schreiben, wird nie gesendet (Strg+Umschalt+N)</translation>
    </message>
    <message>
        <source>Send later…</source>
        <translation>Später senden…</translation>
    </message>
    <message>
        <source>Schedule this reply for a day and time in the customer&apos;s zone</source>
        <translation>Diese Antwort für einen Tag und eine Uhrzeit in der Zeitzone des Kunden planen</translation>
    </message>
    <message>
        <source>1 segment</source>
        <translation>1 Segment</translation>
    </message>
    <message>
        <source>%1 segments</source>
        <translation>%1 Segmente</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 übrig</translation>
    </message>
    <message>
        <source>UCS-2 because of %1</source>
        <translation>UCS-2 wegen %1</translation>
    </message>
    <message>
        <source>Select a conversation</source>
        <translation>Wählen Sie eine Unterhaltung</translation>
    </message>
    <message>
        <source>Write a reply…  (Ctrl+Enter to send)</source>
        <translation>Antwort schreiben…  (Strg+Eingabe zum Senden)</translation>
    </message>
    <message>
        <source>Sends as: %1</source>
        <translation>Wird gesendet als: %1</translation>
    </message>
    <message>
        <source>%1 characters: a text holds at most %2</source>
        <translation>%1 Zeichen: Eine SMS fasst höchstens %2</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Add the note (Ctrl+Enter)</source>
        <translation>Notiz hinzufügen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Internal note for the team, never sent to the customer; @Name mentions a teammate  (Ctrl+Enter to add)</source>
        <translation>Interne Notiz für das Team, wird nie an den Kunden gesendet; @Name erwähnt eine Teamkollegin oder einen Teamkollegen  (Strg+Eingabe zum Hinzufügen)</translation>
    </message>
    <message>
        <source>No canned replies yet</source>
        <translation>Noch keine Textbausteine</translation>
    </message>
    <message>
        <source>Save as canned reply…</source>
        <translation>Als Textbaustein speichern…</translation>
    </message>
    <message>
        <source>Type the reply first, then save it as a canned reply.</source>
        <translation>Schreiben Sie zuerst die Antwort und speichern Sie sie dann als Textbaustein.</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antwort</translation>
    </message>
</context>
<context>
    <name>ComposerTokens</name>
    <message>
        <source>A field in this reply is broken: %1. Fix it (fields are written {{first_name}}) or remove it.</source>
        <translation>Ein Feld in dieser Antwort ist fehlerhaft: %1. Korrigieren Sie es (Felder werden als {{first_name}} geschrieben) oder entfernen Sie es.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; would reach the customer as typed: a field takes double braces, as in {{%2}}.</source>
        <translation>„%1“ würde den Kunden so erreichen, wie es getippt ist: Ein Feld braucht doppelte geschweifte Klammern, wie in {{%2}}.</translation>
    </message>
    <message>
        <source>Not sent: this customer has no value for %1. Type the words instead, or give a fallback, as in {{%2|there}}.</source>
        <translation>Nicht gesendet: Für diesen Kunden gibt es keinen Wert für %1. Schreiben Sie die Wörter aus oder geben Sie einen Ersatzwert an, wie in {{%2|there}}.</translation>
    </message>
</context>
<context>
    <name>ConfirmationRulesBox</name>
    <message>
        <source>Required</source>
        <translation>Erforderlich</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Prohibited</source>
        <translation>Untersagt</translation>
    </message>
    <message>
        <source>Opt-out confirmation by country</source>
        <translation>Abmeldebestätigung nach Land</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Confirmation</source>
        <translation>Bestätigung</translation>
    </message>
    <message>
        <source>Set by</source>
        <translation>Festgelegt von</translation>
    </message>
    <message>
        <source>e.g. GB</source>
        <translation type="vanished">z. B. DE</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Festlegen</translation>
    </message>
    <message>
        <source>Whether SMS Desk texts a confirmation after an opt-out, by the customer&apos;s country. Unsubscribe processes need a reply where it is required.</source>
        <translation>Ob SMS Desk nach einer Abmeldung eine Bestätigung sendet, je nach Land des Kunden. Abmelde-Abläufe brauchen dort, wo sie erforderlich ist, eine Antwort.</translation>
    </message>
    <message>
        <source>This account</source>
        <translation>Dieses Konto</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Confirmation rules by country</source>
        <translation>Bestätigungsregeln nach Land</translation>
    </message>
    <message>
        <source>Choose a country from the list first.</source>
        <translation>Wählen Sie zuerst ein Land aus der Liste.</translation>
    </message>
    <message>
        <source>“%1” is not a country SMS Desk knows. Choose one from the list, or type its name or two-letter code.</source>
        <translation>„%1“ ist kein Land, das SMS Desk kennt. Wählen Sie eines aus der Liste oder geben Sie seinen Namen oder seinen Ländercode aus zwei Buchstaben ein.</translation>
    </message>
</context>
<context>
    <name>ConsentChangeDialog</name>
    <message>
        <source>Every number of this account</source>
        <translation>Jede Nummer dieses Kontos</translation>
    </message>
    <message>
        <source>Unsubscribe %1</source>
        <translation>%1 abmelden</translation>
    </message>
    <message>
        <source>Re-subscribe %1</source>
        <translation>%1 wieder anmelden</translation>
    </message>
    <message>
        <source>Why, e.g. &quot;Asked by phone not to be texted&quot;</source>
        <translation>Warum, z. B. „Hat telefonisch gebeten, keine SMS mehr zu bekommen“</translation>
    </message>
    <message>
        <source>Evidence, e.g. &quot;Signed the in-store form, 12 May&quot; or the import file</source>
        <translation>Nachweis, z. B. „Formular im Laden unterschrieben, 12. Mai“ oder die Importdatei</translation>
    </message>
    <message>
        <source>Only our number %1</source>
        <translation>Nur unsere Nummer %1</translation>
    </message>
    <message>
        <source>Unsubscribe</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Re-subscribe</source>
        <translation>Wieder anmelden</translation>
    </message>
    <message>
        <source>No conversation or campaign texts will be sent to %1 from the numbers below until they opt in again. The reason is kept in the consent history.</source>
        <translation>Von den unten genannten Nummern werden keine Unterhaltungs- oder Kampagnen-SMS an %1 gesendet, bis wieder eine Anmeldung erfolgt. Der Grund wird im Einwilligungsverlauf gespeichert.</translation>
    </message>
    <message>
        <source>Only re-subscribe a customer who asked for it: record where their consent comes from. It is kept in the consent history.</source>
        <translation>Melden Sie nur Kunden wieder an, die darum gebeten haben: Erfassen Sie, woher ihre Einwilligung stammt. Sie wird im Einwilligungsverlauf gespeichert.</translation>
    </message>
    <message>
        <source>Signed form</source>
        <translation>Unterschriebenes Formular</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Asked an agent</source>
        <translation>Bei einem Agenten angefragt</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>Nachweis:</translation>
    </message>
    <message>
        <source>Applies to:</source>
        <translation>Gilt für:</translation>
    </message>
</context>
<context>
    <name>ConsentCommands</name>
    <message>
        <source>No account is chosen.</source>
        <translation>Es ist kein Konto gewählt.</translation>
    </message>
</context>
<context>
    <name>ContactCommands</name>
    <message numerus="yes">
        <source>%n rows have errors: nothing was imported.</source>
        <translation>
            <numerusform>%n Zeile hat Fehler: Nichts wurde importiert.</numerusform>
            <numerusform>%n Zeilen haben Fehler: Nichts wurde importiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>nothing imported: %n bad row(s)</source>
        <translation>
            <numerusform>nichts importiert: %n fehlerhafte Zeile</numerusform>
            <numerusform>nichts importiert: %n fehlerhafte Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>a frequency cap cannot be negative</source>
        <translation>Eine Häufigkeitsgrenze kann nicht negativ sein</translation>
    </message>
</context>
<context>
    <name>ContactDetails</name>
    <message>
        <source>Subscribed</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>No record</source>
        <translation>Kein Eintrag</translation>
    </message>
</context>
<context>
    <name>ContactEditCommands</name>
    <message>
        <source>A tag is empty</source>
        <translation>Ein Tag ist leer</translation>
    </message>
    <message>
        <source>A field has no name</source>
        <translation>Ein Feld hat keinen Namen</translation>
    </message>
    <message>
        <source>the time zone</source>
        <translation>die Zeitzone</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time zone this computer knows (use an IANA name such as America/Chicago)</source>
        <translation>„%1“ ist keine Zeitzone, die dieser Computer kennt (verwenden Sie einen IANA-Namen wie Europe/Berlin)</translation>
    </message>
</context>
<context>
    <name>ContactEditorDialog</name>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Contact %1</source>
        <translation>Kontakt %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. vip, florist</source>
        <translation>Durch Kommas getrennt, z. B. vip, florist</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Consent history</source>
        <translation>Einwilligungsverlauf</translation>
    </message>
    <message>
        <source>Messages with this contact</source>
        <translation>Nachrichten mit diesem Kontakt</translation>
    </message>
    <message>
        <source>Needs the marketer or admin role.</source>
        <translation>Erfordert die Rolle Marketing oder Admin.</translation>
    </message>
    <message>
        <source>Add field</source>
        <translation>Feld hinzufügen</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>&amp;Tags</translation>
    </message>
    <message>
        <source>Time &amp;zone</source>
        <translation>&amp;Zeitzone</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <source>Consent (read only)</source>
        <translation>Einwilligung (schreibgeschützt)</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitverlauf</translation>
    </message>
    <message>
        <source>%1 — %2 (%3%4)</source>
        <translation>%1 — %2 (%3%4)</translation>
    </message>
    <message>
        <source>, %1</source>
        <translation>, %1</translation>
    </message>
    <message>
        <source>No consent recorded</source>
        <translation>Keine Einwilligung erfasst</translation>
    </message>
    <message>
        <source>%1  %2 %3: %4</source>
        <translation>%1  %2 %3: %4</translation>
    </message>
    <message>
        <source>from customer to</source>
        <translation>vom Kunden an</translation>
    </message>
    <message>
        <source>to customer from</source>
        <translation>an den Kunden von</translation>
    </message>
    <message>
        <source>No messages with this contact yet</source>
        <translation>Noch keine Nachrichten mit diesem Kontakt</translation>
    </message>
    <message>
        <source>Delete contact</source>
        <translation>Kontakt löschen</translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation>%1 löschen?</translation>
    </message>
    <message>
        <source>Its name, tags, fields and time zone are removed here and, in a team, on every teammate&apos;s desktop. Its conversations and messages stay and show the bare number. Its consent history stays: an opt-out still applies if the number texts again.</source>
        <translation>Name, Tags, Felder und Zeitzone werden hier und, in einem Team, auf dem Desktop jeder Teamkollegin und jedes Teamkollegen entfernt. Die Unterhaltungen und Nachrichten bleiben und zeigen die bloße Nummer. Der Einwilligungsverlauf bleibt: Eine Abmeldung gilt weiter, wenn die Nummer wieder schreibt.</translation>
    </message>
</context>
<context>
    <name>ContactImportDialog</name>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>Importieren als</translation>
    </message>
    <message>
        <source>First row</source>
        <translation>Erste Zeile</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Datei wählen…</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>Kontakte importieren</translation>
    </message>
    <message>
        <source>A CSV file with a header row</source>
        <translation>Eine CSV-Datei mit Kopfzeile</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 KB. Check how each column is imported.</source>
        <translation>%1 KB. Prüfen Sie, wie jede Spalte importiert wird.</translation>
    </message>
    <message>
        <source>Importing the valid rows…</source>
        <translation>Die gültigen Zeilen werden importiert…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Wird importiert…</translation>
    </message>
    <message>
        <source>Read %1 rows…</source>
        <translation>%1 Zeilen gelesen…</translation>
    </message>
    <message>
        <source>Imported %1 contacts (%2 new, %3 updated), %4 consent records.</source>
        <translation>%1 Kontakte importiert (%2 neu, %3 aktualisiert), %4 Einwilligungseinträge.</translation>
    </message>
    <message>
        <source> %1 rows with errors were left out.</source>
        <translation> %1 Zeilen mit Fehlern wurden ausgelassen.</translation>
    </message>
    <message>
        <source>%1 of %2 rows have errors: nothing was imported. Fix the file, or import only the valid rows.</source>
        <translation>%1 von %2 Zeilen haben Fehler: Nichts wurde importiert. Korrigieren Sie die Datei oder importieren Sie nur die gültigen Zeilen.</translation>
    </message>
    <message>
        <source> The first %1 errors are listed.</source>
        <translation> Die ersten %1 Fehler sind aufgeführt.</translation>
    </message>
    <message>
        <source>Import the %1 valid rows</source>
        <translation>Die %1 gültigen Zeilen importieren</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>CSV-Datei</translation>
    </message>
    <message>
        <source>Rows that cannot be imported</source>
        <translation>Zeilen, die nicht importiert werden können</translation>
    </message>
    <message>
        <source>Field for column %1</source>
        <translation>Feld für Spalte %1</translation>
    </message>
</context>
<context>
    <name>ContactListModel</name>
    <message>
        <source>Whether the number can receive texts, as Lookup, a reply or a delivery error last showed</source>
        <translation>Ob die Nummer SMS empfangen kann, wie zuletzt Lookup, eine Antwort oder ein Zustellfehler gezeigt hat</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(kein Name)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>Wird geprüft</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Text-enabled</source>
        <translation>SMS-fähig</translation>
    </message>
    <message>
        <source>Last message</source>
        <translation>Letzte Nachricht</translation>
    </message>
</context>
<context>
    <name>ContactListPage</name>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Search name, number or tag</source>
        <translation>Name, Nummer oder Tag suchen</translation>
    </message>
    <message>
        <source>Search contacts</source>
        <translation>Kontakte suchen</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation type="vanished">
            <numerusform>%n Kontakt</numerusform>
            <numerusform>%n Kontakte</numerusform>
        </translation>
    </message>
    <message>
        <source>1 contact</source>
        <translation>1 Kontakt</translation>
    </message>
    <message>
        <source>%1 contacts</source>
        <translation>%1 Kontakte</translation>
    </message>
</context>
<context>
    <name>ContactPanel</name>
    <message>
        <source>Can receive texts</source>
        <translation>Kann SMS empfangen</translation>
    </message>
    <message>
        <source>Cannot receive texts</source>
        <translation>Kann keine SMS empfangen</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Not known whether it can receive texts</source>
        <translation>Nicht bekannt, ob die Nummer SMS empfangen kann</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>Unsubscribe…</source>
        <translation>Abmelden…</translation>
    </message>
    <message>
        <source>Re-subscribe…</source>
        <translation>Wieder anmelden…</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Einwilligung</translation>
    </message>
    <message>
        <source>Consent history</source>
        <translation>Einwilligungsverlauf</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <source>Other conversations</source>
        <translation>Andere Unterhaltungen</translation>
    </message>
    <message>
        <source>No conversation selected</source>
        <translation>Keine Unterhaltung ausgewählt</translation>
    </message>
    <message>
        <source>Line type: %1</source>
        <translation>Anschlussart: %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>am %1</translation>
    </message>
    <message>
        <source>all numbers</source>
        <translation>alle Nummern</translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Opted in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>No consent recorded.</source>
        <translation>Keine Einwilligung erfasst.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>None with our other numbers</source>
        <translation>Keine mit unseren anderen Nummern</translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation>Kontaktdetails</translation>
    </message>
</context>
<context>
    <name>ConversationHeader</name>
    <message>
        <source>Also texting with this customer from</source>
        <translation>Schreibt mit diesem Kunden auch von</translation>
    </message>
    <message>
        <source>No contact name</source>
        <translation>Kein Kontaktname</translation>
    </message>
    <message>
        <source>via %1</source>
        <translation>über %1</translation>
    </message>
    <message>
        <source>Mobile · can receive texts</source>
        <translation>Mobil · kann SMS empfangen</translation>
    </message>
    <message>
        <source>Cannot receive texts</source>
        <translation>Kann keine SMS empfangen</translation>
    </message>
    <message>
        <source>%1 · cannot receive texts</source>
        <translation>%1 · kann keine SMS empfangen</translation>
    </message>
    <message>
        <source>Checking whether it can receive texts…</source>
        <translation>Es wird geprüft, ob die Nummer SMS empfangen kann…</translation>
    </message>
    <message>
        <source>Not yet known whether it can receive texts</source>
        <translation>Noch nicht bekannt, ob die Nummer SMS empfangen kann</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>%1 is replying…</source>
        <translation>%1 antwortet gerade…</translation>
    </message>
    <message>
        <source>%1 are replying…</source>
        <translation>%1 antworten gerade…</translation>
    </message>
    <message>
        <source>%1 is viewing</source>
        <translation>%1 sieht sich das an</translation>
    </message>
    <message>
        <source>%1 are viewing</source>
        <translation>%1 sehen sich das an</translation>
    </message>
    <message>
        <source>Open the separate conversation on this number</source>
        <translation>Die separate Unterhaltung auf dieser Nummer öffnen</translation>
    </message>
</context>
<context>
    <name>ConversationPane</name>
    <message>
        <source>Sending is paused: this customer&apos;s consent could not be read (%1).</source>
        <translation>Senden ist angehalten: Die Einwilligung dieses Kunden konnte nicht gelesen werden (%1).</translation>
    </message>
    <message>
        <source> on %1</source>
        <translation> auf %1</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>%1 unsubscribed from texts from %2%3. Sending is blocked.</source>
        <translation>%1 hat SMS von %2%3 abbestellt. Senden ist gesperrt.</translation>
    </message>
    <message>
        <source>%1 cannot receive texts (%2). Sending is blocked.</source>
        <translation>%1 kann keine SMS empfangen (%2). Senden ist gesperrt.</translation>
    </message>
    <message>
        <source>not text-enabled</source>
        <translation>nicht SMS-fähig</translation>
    </message>
    <message>
        <source>Checking whether %1 can receive texts… The message may not arrive.</source>
        <translation>Es wird geprüft, ob %1 SMS empfangen kann… Die Nachricht kommt eventuell nicht an.</translation>
    </message>
    <message>
        <source>Not yet known whether %1 can receive texts (it may be a landline).</source>
        <translation>Noch nicht bekannt, ob %1 SMS empfangen kann (es könnte ein Festnetzanschluss sein).</translation>
    </message>
</context>
<context>
    <name>CountryPicker</name>
    <message>
        <source>Country name or code, e.g. Germany</source>
        <translation>Name oder Code des Landes, z. B. Deutschland</translation>
    </message>
</context>
<context>
    <name>DeskSession</name>
    <message>
        <source>Cannot open the profile %1: %2</source>
        <translation>Das Profil %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>This build has no demo provider.</source>
        <translation>Diese Version hat keinen Demo-Anbieter.</translation>
    </message>
    <message>
        <source>Cannot start the demo provider: %1</source>
        <translation>Der Demo-Anbieter kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>Cannot create the demo account in the profile.</source>
        <translation>Das Demo-Konto kann im Profil nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Demo provider running at %1</source>
        <translation>Demo-Anbieter läuft unter %1</translation>
    </message>
    <message>
        <source>No Auth Token is stored for this account.</source>
        <translation>Für dieses Konto ist kein Auth Token gespeichert.</translation>
    </message>
    <message>
        <source>No account %1 in this profile.</source>
        <translation>Kein Konto %1 in diesem Profil.</translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation type="vanished">
            <numerusform>%n neue Nachricht</numerusform>
            <numerusform>%n neue Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Synchronisierung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Cannot store what the provider sent: %1</source>
        <translation>Was der Anbieter gesendet hat, kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Cannot mark the demo&apos;s shared short code: %1</source>
        <translation>Die geteilte Kurzwahlnummer der Demo kann nicht markiert werden: %1</translation>
    </message>
    <message>
        <source>Cannot read the sender numbers: %1</source>
        <translation>Die Absendernummern können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Offline since %1, retrying in %2 s</source>
        <translation>Offline seit %1, neuer Versuch in %2 s</translation>
    </message>
    <message>
        <source>Cannot read the team state: %1</source>
        <translation>Der Teamstatus kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>None of the %1 new messages is in the inbox</source>
        <translation>Keine der %1 neuen Nachrichten ist im Posteingang</translation>
    </message>
    <message>
        <source>%1 of the %2 new messages are not in the inbox</source>
        <translation>%1 der %2 neuen Nachrichten sind nicht im Posteingang</translation>
    </message>
    <message>
        <source>%1: their numbers belong to another account in this profile (%2). A number belongs to one account; lend it (Numbers) or open that account to see them.</source>
        <translation>%1: Ihre Nummern gehören zu einem anderen Konto in diesem Profil (%2). Eine Nummer gehört zu einem Konto; leihen Sie sie aus (Nummern) oder öffnen Sie das andere Konto, um sie zu sehen.</translation>
    </message>
    <message>
        <source>%1: they were sent to or from numbers that are not this account&apos;s texting numbers. Numbers › Unrouted replies lists them.</source>
        <translation>%1: Sie wurden an oder von Nummern gesendet, die keine SMS-Nummern dieses Kontos sind. „Nummern › Nicht zugeordnete Antworten“ listet sie auf.</translation>
    </message>
    <message>
        <source>1 new message</source>
        <translation>1 neue Nachricht</translation>
    </message>
    <message>
        <source>%1 new messages</source>
        <translation>%1 neue Nachrichten</translation>
    </message>
</context>
<context>
    <name>DesktopShell</name>
    <message>
        <source>No keychain</source>
        <translation>Kein Schlüsselbund</translation>
    </message>
    <message>
        <source>%1

Keep the Auth Token in memory for this session only? You will be asked for it again the next time SMS Desk starts. It is never written to disk.</source>
        <translation>%1

Den Auth Token nur für diese Sitzung im Speicher behalten? Sie werden beim nächsten Start von SMS Desk erneut danach gefragt. Er wird nie auf die Festplatte geschrieben.</translation>
    </message>
    <message>
        <source>The Auth Token is kept for this session only (no keychain).</source>
        <translation>Der Auth Token wird nur für diese Sitzung behalten (kein Schlüsselbund).</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="vanished">Benachrichtigungen</translation>
    </message>
    <message>
        <source>That message is no longer in this conversation.</source>
        <translation>Diese Nachricht ist nicht mehr in dieser Unterhaltung.</translation>
    </message>
    <message>
        <source>Add an account first (File → Add Account).</source>
        <translation>Fügen Sie zuerst ein Konto hinzu (Datei → Konto hinzufügen).</translation>
    </message>
    <message>
        <source>Cannot read this account&apos;s numbers: %1</source>
        <translation>Die Nummern dieses Kontos können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot start the conversation: %1</source>
        <translation>Die Unterhaltung kann nicht begonnen werden: %1</translation>
    </message>
</context>
<context>
    <name>FreedesktopNotificationSink</name>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
</context>
<context>
    <name>InboxActions</name>
    <message>
        <source>Resolve</source>
        <translation>Erledigen</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Markieren</translation>
    </message>
    <message>
        <source>Assign to me</source>
        <translation>Mir zuweisen</translation>
    </message>
    <message>
        <source>Assign to…</source>
        <translation>Zuweisen an…</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Zurückstellen</translation>
    </message>
    <message>
        <source>Resolve or reopen the conversation (Ctrl+R)</source>
        <translation>Unterhaltung erledigen oder wieder öffnen (Strg+R)</translation>
    </message>
    <message>
        <source>Flag or unflag (F)</source>
        <translation>Markieren oder Markierung entfernen (F)</translation>
    </message>
    <message>
        <source>Assign to me (A)</source>
        <translation>Mir zuweisen (A)</translation>
    </message>
    <message>
        <source>Assign to another agent (Shift+A)</source>
        <translation>Einem anderen Agenten zuweisen (Umschalt+A)</translation>
    </message>
    <message>
        <source>Hide from Unresolved until later (S)</source>
        <translation>Bis später aus „Offen“ ausblenden (S)</translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation>Für 1 Stunde</translation>
    </message>
    <message>
        <source>Until tomorrow 9:00</source>
        <translation>Bis morgen 9:00</translation>
    </message>
    <message>
        <source>Until next week (Monday 9:00)</source>
        <translation>Bis nächste Woche (Montag 9:00)</translation>
    </message>
    <message>
        <source>Until…</source>
        <translation>Bis…</translation>
    </message>
    <message>
        <source>Unsnooze</source>
        <translation>Nicht mehr zurückstellen</translation>
    </message>
    <message>
        <source>Assign conversation</source>
        <translation>Unterhaltung zuweisen</translation>
    </message>
    <message>
        <source>Agent (leave empty to unassign):</source>
        <translation>Agent (leer lassen, um die Zuweisung aufzuheben):</translation>
    </message>
    <message>
        <source>Snooze until</source>
        <translation>Zurückstellen bis</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <source>Unflag</source>
        <translation>Markierung entfernen</translation>
    </message>
</context>
<context>
    <name>InboxCommands</name>
    <message>
        <source>Conversation %1 is not one of account %2&apos;s conversations.</source>
        <translation>Unterhaltung %1 gehört nicht zu den Unterhaltungen von Konto %2.</translation>
    </message>
    <message>
        <source>No account is chosen.</source>
        <translation>Es ist kein Konto gewählt.</translation>
    </message>
    <message>
        <source>No conversation is chosen.</source>
        <translation>Es ist keine Unterhaltung gewählt.</translation>
    </message>
    <message>
        <source>The agent who makes the change is not known.</source>
        <translation>Die Person, die die Änderung vornimmt, ist nicht bekannt.</translation>
    </message>
    <message>
        <source>Not connected to the provider: enter the account&apos;s credentials to send.</source>
        <translation>Nicht mit dem Anbieter verbunden: Geben Sie die Zugangsdaten des Kontos ein, um zu senden.</translation>
    </message>
    <message>
        <source>Not connected to account %1&apos;s provider yet: wait for it to connect, then send again.</source>
        <translation>Noch nicht mit dem Anbieter von Konto %1 verbunden: Warten Sie, bis die Verbindung steht, und senden Sie dann erneut.</translation>
    </message>
    <message>
        <source>A snooze needs a time to wake up at.</source>
        <translation>Zum Zurückstellen wird eine Weckzeit benötigt.</translation>
    </message>
    <message>
        <source>A reply needs some text.</source>
        <translation>Eine Antwort braucht Text.</translation>
    </message>
    <message>
        <source>No message is chosen to send again.</source>
        <translation>Es ist keine Nachricht zum erneuten Senden gewählt.</translation>
    </message>
    <message>
        <source>A canned reply needs a name.</source>
        <translation>Ein Textbaustein braucht einen Namen.</translation>
    </message>
    <message>
        <source>A canned reply needs some text.</source>
        <translation>Ein Textbaustein braucht Text.</translation>
    </message>
    <message>
        <source>Choose one of the account&apos;s numbers to text from.</source>
        <translation>Wählen Sie eine der Nummern des Kontos als Absender.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a customer&apos;s number in international form (+14155550100).</source>
        <translation>„%1“ ist keine Kundennummer im internationalen Format (+4915112345678).</translation>
    </message>
    <message>
        <source>That sender number is not one of this account&apos;s.</source>
        <translation>Diese Absendernummer gehört nicht zu diesem Konto.</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <source>Unresolved</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Meine</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Markiert</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Neue Unterhaltung</translation>
    </message>
    <message>
        <source>Select a conversation</source>
        <translation>Wählen Sie eine Unterhaltung</translation>
    </message>
    <message>
        <source>Text a customer (Ctrl+N)</source>
        <translation>Einem Kunden schreiben (Strg+N)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Back to the list</source>
        <translation>Zurück zur Liste</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
</context>
<context>
    <name>JoinTeamDialog</name>
    <message>
        <source>Join the team</source>
        <translation>Dem Team beitreten</translation>
    </message>
    <message>
        <source>Everyone who works the inbox of &lt;b&gt;%1&lt;/b&gt; shares what they decide: who handles a conversation, notes, unsubscribes. Tell your teammates who you are.</source>
        <translation>Alle, die den Posteingang von &lt;b&gt;%1&lt;/b&gt; bearbeiten, teilen ihre Entscheidungen: wer eine Unterhaltung übernimmt, Notizen, Abmeldungen. Sagen Sie Ihrem Team, wer Sie sind.</translation>
    </message>
    <message>
        <source>e.g. Ana Lee</source>
        <translation>z. B. Ana Lee</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>Ihr Name:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rolle:</translation>
    </message>
    <message>
        <source>Paste the invitation an admin gave you (smsdesk-invite:…)</source>
        <translation>Fügen Sie die Einladung ein, die Sie von einem Admin bekommen haben (smsdesk-invite:…)</translation>
    </message>
    <message>
        <source>I&apos;m new to the team</source>
        <translation>Ich bin neu im Team</translation>
    </message>
    <message>
        <source>I have an invitation</source>
        <translation>Ich habe eine Einladung</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Beitreten</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Jetzt nicht</translation>
    </message>
    <message>
        <source>This is not an SMS Desk invitation.</source>
        <translation>Dies ist keine SMS-Desk-Einladung.</translation>
    </message>
    <message>
        <source>You will join as &lt;b&gt;%1&lt;/b&gt;, %2, as the admin chose.</source>
        <translation>Sie treten als &lt;b&gt;%1&lt;/b&gt; bei, %2, wie vom Admin festgelegt.</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation>Einladung</translation>
    </message>
</context>
<context>
    <name>KeywordClaims</name>
    <message>
        <source>another desktop of the team</source>
        <translation>ein anderer Desktop des Teams</translation>
    </message>
    <message>
        <source>%1&apos;s desktop</source>
        <translation>Desktop von %1</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Team: %1</source>
        <translation>Team: %1</translation>
    </message>
    <message>
        <source>Not sent from here: %1 could not send it (%2)</source>
        <translation>Nicht von hier gesendet: %1 konnte sie nicht senden (%2)</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>kein Grund angegeben</translation>
    </message>
</context>
<context>
    <name>KeywordCommands</name>
    <message>
        <source>Choose the number the process answers on.</source>
        <translation>Wählen Sie die Nummer, auf der der Ablauf antwortet.</translation>
    </message>
    <message>
        <source>Choose a keyword process.</source>
        <translation>Wählen Sie einen Schlüsselwort-Ablauf.</translation>
    </message>
</context>
<context>
    <name>KeywordProcess</name>
    <message>
        <source>Unsubscribe</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <source>Subscribe</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Auto-reply</source>
        <translation>Automatische Antwort</translation>
    </message>
</context>
<context>
    <name>KeywordStopWarning</name>
    <message>
        <source>The provider does not answer STOP on this short code</source>
        <translation>Der Anbieter beantwortet STOP auf dieser Kurzwahlnummer nicht</translation>
    </message>
    <message>
        <source>The provider does not answer STOP on this number</source>
        <translation>Der Anbieter beantwortet STOP auf dieser Nummer nicht</translation>
    </message>
    <message>
        <source>%1, and it has no started Unsubscribe process: customers who text STOP are not unsubscribed and keep receiving texts. Add an Unsubscribe process and start it.</source>
        <translation>%1, und es gibt keinen gestarteten Abmelde-Ablauf: Kunden, die STOP schreiben, werden nicht abgemeldet und erhalten weiter SMS. Fügen Sie einen Abmelde-Ablauf hinzu und starten Sie ihn.</translation>
    </message>
</context>
<context>
    <name>KeywordsPage</name>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Changes to processes</source>
        <translation>Änderungen an Abläufen</translation>
    </message>
    <message>
        <source>As the provider does for this kind of number</source>
        <translation>Wie der Anbieter es für diese Art von Nummer tut</translation>
    </message>
    <message>
        <source>Yes: the provider answers STOP, HELP and START</source>
        <translation>Ja: Der Anbieter beantwortet STOP, HELP und START</translation>
    </message>
    <message>
        <source>No: SMS Desk sends the replies</source>
        <translation>Nein: SMS Desk sendet die Antworten</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Schlüsselwörter</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Keywords separated by commas, letters only</source>
        <translation>Schlüsselwörter durch Kommas getrennt, nur Buchstaben</translation>
    </message>
    <message>
        <source>The reply texted back (required for Help and Auto-reply)</source>
        <translation>Die zurückgesendete Antwort (erforderlich für Hilfe und automatische Antwort)</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Provider answers default keywords</source>
        <translation>Anbieter beantwortet Standard-Schlüsselwörter</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>Reply from template</source>
        <translation>Antwort aus Vorlage</translation>
    </message>
    <message>
        <source>Write the reply here</source>
        <translation>Antwort hier schreiben</translation>
    </message>
    <message>
        <source>The provider answers STOP, HELP and START on this number: SMS Desk records the consent but sends no second reply.</source>
        <translation>Der Anbieter beantwortet STOP, HELP und START auf dieser Nummer: SMS Desk erfasst die Einwilligung, sendet aber keine zweite Antwort.</translation>
    </message>
    <message>
        <source>The provider does not answer keywords on this number: SMS Desk sends the replies of the processes below.</source>
        <translation>Der Anbieter beantwortet auf dieser Nummer keine Schlüsselwörter: SMS Desk sendet die Antworten der Abläufe unten.</translation>
    </message>
    <message>
        <source>Toll-free opt-outs are always handled by the carrier.</source>
        <translation>Abmeldungen bei gebührenfreien Nummern erledigt immer der Netzbetreiber.</translation>
    </message>
    <message>
        <source>Customers text “%1 KEYWORD”, e.g. “%1 STOP”.</source>
        <translation>Kunden schreiben „%1 SCHLÜSSELWORT“, z. B. „%1 STOP“.</translation>
    </message>
    <message>
        <source>(no reply)</source>
        <translation>(keine Antwort)</translation>
    </message>
    <message>
        <source>Delete keyword process</source>
        <translation>Schlüsselwort-Ablauf löschen</translation>
    </message>
    <message>
        <source>Delete the %1 process for %2? Texts with its keywords will no longer be processed.</source>
        <translation>Den Ablauf %1 für %2 löschen? SMS mit seinen Schlüsselwörtern werden dann nicht mehr verarbeitet.</translation>
    </message>
    <message>
        <source>Keyword processes</source>
        <translation>Schlüsselwort-Abläufe</translation>
    </message>
</context>
<context>
    <name>LineTypeText</name>
    <message>
        <source>Mobile</source>
        <translation>Mobil</translation>
    </message>
    <message>
        <source>Landline</source>
        <translation>Festnetz</translation>
    </message>
    <message>
        <source>VoIP</source>
        <translation>VoIP</translation>
    </message>
    <message>
        <source>Fixed VoIP</source>
        <translation>Fest-VoIP</translation>
    </message>
    <message>
        <source>Toll-free</source>
        <translation>Gebührenfrei</translation>
    </message>
    <message>
        <source>Pager</source>
        <translation>Pager</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>No conversations yet</source>
        <translation>Noch keine Unterhaltungen</translation>
    </message>
    <message>
        <source>Messages appear here after the first sync with your SMS provider.</source>
        <translation>Nachrichten erscheinen hier nach der ersten Synchronisierung mit Ihrem SMS-Anbieter.</translation>
    </message>
    <message>
        <source>No contacts yet</source>
        <translation>Noch keine Kontakte</translation>
    </message>
    <message>
        <source>Customers you text, import or add by hand are listed here.</source>
        <translation>Kunden, denen Sie schreiben, die Sie importieren oder von Hand hinzufügen, werden hier aufgeführt.</translation>
    </message>
    <message>
        <source>No campaigns yet</source>
        <translation>Noch keine Kampagnen</translation>
    </message>
    <message>
        <source>Bulk messages to your contacts, with their schedule and delivery figures, live here.</source>
        <translation>Massen-SMS an Ihre Kontakte, mit Zeitplan und Zustellzahlen, finden Sie hier.</translation>
    </message>
    <message>
        <source>No sender numbers yet</source>
        <translation>Noch keine Absendernummern</translation>
    </message>
    <message>
        <source>Your sending numbers and their keyword replies (STOP, HELP, JOIN) are managed here.</source>
        <translation>Ihre Absendernummern und ihre Schlüsselwort-Antworten (STOP, HELP, JOIN) werden hier verwaltet.</translation>
    </message>
    <message>
        <source>No reports yet</source>
        <translation>Noch keine Berichte</translation>
    </message>
    <message>
        <source>Delivery, reply and opt-out rates per number and campaign appear here once messages flow.</source>
        <translation>Zustell-, Antwort- und Abmelderaten pro Nummer und Kampagne erscheinen hier, sobald Nachrichten fließen.</translation>
    </message>
    <message>
        <source>No team yet</source>
        <translation>Noch kein Team</translation>
    </message>
    <message>
        <source>The people who work this account&apos;s inbox, and their roles.</source>
        <translation>Die Personen, die den Posteingang dieses Kontos bearbeiten, und ihre Rollen.</translation>
    </message>
    <message>
        <source>Settings are on their way</source>
        <translation>Einstellungen sind unterwegs</translation>
    </message>
    <message>
        <source>Accounts, provider credentials and notifications will be set up here.</source>
        <translation>Konten, Zugangsdaten für Anbieter und Benachrichtigungen werden hier eingerichtet.</translation>
    </message>
    <message>
        <source>SMS Desk</source>
        <translation>SMS Desk</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Add Account…</source>
        <translation>Konto &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Account &amp;Credentials…</source>
        <translation>&amp;Zugangsdaten des Kontos…</translation>
    </message>
    <message>
        <source>&amp;Sync Now</source>
        <translation>Jetzt &amp;synchronisieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About SMS Desk</source>
        <translation>Ü&amp;ber SMS Desk</translation>
    </message>
    <message>
        <source>No account</source>
        <translation>Kein Konto</translation>
    </message>
    <message>
        <source>No account connected</source>
        <translation>Kein Konto verbunden</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>(%1) SMS Desk</source>
        <translation>(%1) SMS Desk</translation>
    </message>
</context>
<context>
    <name>ManualConsent</name>
    <message>
        <source>No customer number is given.</source>
        <translation>Es ist keine Kundennummer angegeben.</translation>
    </message>
    <message>
        <source>The agent who makes the change is not known.</source>
        <translation>Die Person, die die Änderung vornimmt, ist nicht bekannt.</translation>
    </message>
    <message>
        <source>The change has no time.</source>
        <translation>Die Änderung hat keine Uhrzeit.</translation>
    </message>
    <message>
        <source>An unsubscribe made here is the agent&apos;s own: its source must be agent.</source>
        <translation>Eine hier vorgenommene Abmeldung stammt vom Agenten selbst: Ihre Quelle muss „Agent“ sein.</translation>
    </message>
    <message>
        <source>Say why the customer is unsubscribed: a reason is required.</source>
        <translation>Geben Sie an, warum der Kunde abgemeldet wird: Ein Grund ist erforderlich.</translation>
    </message>
    <message>
        <source>A re-subscription needs its source: a form, an import or the customer&apos;s request to an agent.</source>
        <translation>Eine Wiederanmeldung braucht ihre Quelle: ein Formular, einen Import oder die Bitte des Kunden an einen Agenten.</translation>
    </message>
    <message>
        <source>Record the evidence of the customer&apos;s consent (what they filled in, said or where the import came from).</source>
        <translation>Erfassen Sie den Nachweis der Einwilligung des Kunden (was ausgefüllt oder gesagt wurde oder woher der Import stammt).</translation>
    </message>
</context>
<context>
    <name>MediaViewerDialog</name>
    <message>
        <source>Attachment — %1</source>
        <translation>Anhang — %1</translation>
    </message>
    <message>
        <source>This image cannot be shown.</source>
        <translation>Dieses Bild kann nicht angezeigt werden.</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Anhang speichern</translation>
    </message>
    <message>
        <source>Could not save to %1.</source>
        <translation>Konnte nicht unter %1 gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>MessageBubbleDelegate</name>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>%1 · not sent to the customer</source>
        <translation>%1 · nicht an den Kunden gesendet</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Interne Notiz</translation>
    </message>
    <message>
        <source>Internal note · %1</source>
        <translation>Interne Notiz · %1</translation>
    </message>
    <message>
        <source>Campaign: %1</source>
        <translation>Kampagne: %1</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(gelöscht)</translation>
    </message>
    <message>
        <source>No receipt</source>
        <translation>Keine Empfangsbestätigung</translation>
    </message>
    <message numerus="yes">
        <source>%n segments</source>
        <translation>
            <numerusform>%n Segment</numerusform>
            <numerusform>%n Segmente</numerusform>
        </translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>Scheduled for %1 · right-click to edit or cancel</source>
        <translation>Geplant für %1 · Rechtsklick zum Bearbeiten oder Abbrechen</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In der Warteschlange</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Undelivered</source>
        <translation>Nicht zugestellt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>Partly delivered</source>
        <translation>Teilweise zugestellt</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Blockiert</translation>
    </message>
    <message>
        <source>The provider gave no reason</source>
        <translation>Der Anbieter hat keinen Grund genannt</translation>
    </message>
    <message>
        <source> (error %1)</source>
        <translation> (Fehler %1)</translation>
    </message>
    <message>
        <source>. Sending it again cannot help.</source>
        <translation>. Erneutes Senden kann nicht helfen.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>month name, day of the month</comment>
        <translation>%2. %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>month and day, year</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>weekday, month and day</comment>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>MessageMediaBlock</name>
    <message>
        <source>Attachment</source>
        <translation>Anhang</translation>
    </message>
    <message>
        <source>%1 · downloading…</source>
        <translation>%1 · wird heruntergeladen…</translation>
    </message>
    <message>
        <source>%1 · not downloaded: larger than the size limit</source>
        <translation>%1 · nicht heruntergeladen: größer als die Größenbegrenzung</translation>
    </message>
    <message>
        <source>%1 · removed from the media cache</source>
        <translation>%1 · aus dem Medien-Cache entfernt</translation>
    </message>
    <message>
        <source>%1 · download failed</source>
        <translation>%1 · Herunterladen fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>MessagingServicesPage</name>
    <message>
        <source>Send through the Messaging Service of each pooled number (required for US A2P 10DLC traffic)</source>
        <translation type="vanished">Über den Messaging-Dienst jeder Pool-Nummer senden (für US-A2P-10DLC-Verkehr erforderlich)</translation>
    </message>
    <message>
        <source>Refresh from provider</source>
        <translation>Vom Anbieter aktualisieren</translation>
    </message>
    <message>
        <source>Service / number</source>
        <translation>Dienst / Nummer</translation>
    </message>
    <message>
        <source>SID</source>
        <translation>SID</translation>
    </message>
    <message>
        <source>Sends through service</source>
        <translation>Sendet über den Dienst</translation>
    </message>
    <message>
        <source>A number in a Messaging Service&apos;s sender pool can send through the service: its texts then carry the service (A2P 10DLC registration), and &quot;Send later…&quot; messages are held by the provider and leave even with every desktop closed.</source>
        <translation>Eine Nummer im Absender-Pool eines Messaging-Dienstes kann über den Dienst senden: Ihre SMS tragen dann den Dienst (A2P-10DLC-Registrierung), und „Später senden…“-Nachrichten hält der Anbieter vor; sie gehen auch dann hinaus, wenn alle Desktops geschlossen sind.</translation>
    </message>
    <message>
        <source>Connect the account to read its Messaging Services.</source>
        <translation>Verbinden Sie das Konto, um seine Messaging-Dienste zu lesen.</translation>
    </message>
    <message>
        <source>Reading the account&apos;s Messaging Services…</source>
        <translation>Die Messaging-Dienste des Kontos werden gelesen…</translation>
    </message>
    <message>
        <source>No number of this account is in a Messaging Service (as last read from the provider).</source>
        <translation>Keine Nummer dieses Kontos ist in einem Messaging-Dienst (laut letzter Abfrage beim Anbieter).</translation>
    </message>
    <message>
        <source>%1 pooled numbers, %2 sending through their service.</source>
        <translation>%1 Nummern im Pool, %2 senden über ihren Dienst.</translation>
    </message>
    <message>
        <source>Messaging Services</source>
        <translation>Messaging-Dienste</translation>
    </message>
    <message>
        <source>Send through the Messaging Service of each pooled number</source>
        <translation>Über den Messaging-Dienst jeder Pool-Nummer senden</translation>
    </message>
    <message>
        <source>Required for US A2P 10DLC traffic.</source>
        <translation>Für US-A2P-10DLC-Verkehr erforderlich.</translation>
    </message>
</context>
<context>
    <name>NavigationRail</name>
    <message>
        <source>Sections</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n unread</source>
        <translation>
            <numerusform>%1, %n ungelesen</numerusform>
            <numerusform>%1, %n ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Kampagnen</translation>
    </message>
    <message>
        <source>Numbers &amp; Keywords</source>
        <translation>Nummern &amp; Schlüsselwörter</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
</context>
<context>
    <name>NewConversationDialog</name>
    <message>
        <source> (send-only: replies reach no inbox)</source>
        <translation> (nur Senden: Antworten erreichen keinen Posteingang)</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Neue Unterhaltung</translation>
    </message>
    <message>
        <source>Customer&apos;s number, e.g. (415) 555-0134 or +44 20 7946 0958</source>
        <translation>Nummer des Kunden, z. B. 030 1234567 oder +44 20 7946 0958</translation>
    </message>
    <message>
        <source>Open conversation</source>
        <translation>Unterhaltung öffnen</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>An:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>This account has no sender numbers yet: add or sync one under Numbers &amp; Keywords first.</source>
        <translation>Dieses Konto hat noch keine Absendernummern: Fügen Sie zuerst unter „Nummern &amp; Schlüsselwörter“ eine hinzu oder synchronisieren Sie.</translation>
    </message>
    <message>
        <source>None of this account&apos;s numbers can send texts (voice only): enable SMS on one at the provider, then sync Numbers &amp; Keywords.</source>
        <translation>Keine Nummer dieses Kontos kann SMS senden (nur Sprache): Aktivieren Sie SMS für eine beim Anbieter und synchronisieren Sie dann „Nummern &amp; Schlüsselwörter“.</translation>
    </message>
    <message>
        <source>Choose which of our numbers to text from.</source>
        <translation>Wählen Sie, von welcher unserer Nummern geschrieben wird.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a short code: a conversation needs the customer&apos;s own phone number.</source>
        <translation>„%1“ ist eine Kurzwahlnummer: Eine Unterhaltung braucht die eigene Telefonnummer des Kunden.</translation>
    </message>
    <message>
        <source>%1 is one of our own numbers (%2), not a customer&apos;s.</source>
        <translation>%1 ist eine unserer eigenen Nummern (%2), keine Kundennummer.</translation>
    </message>
</context>
<context>
    <name>NotificationSettingsPage</name>
    <message>
        <source>Every new message</source>
        <translation>Jede neue Nachricht</translation>
    </message>
    <message>
        <source>Only conversations assigned to me or to nobody</source>
        <translation>Nur Unterhaltungen, die mir oder niemandem zugewiesen sind</translation>
    </message>
    <message>
        <source>Nothing (the tray icon still counts unread messages)</source>
        <translation>Nichts (das Symbol im Infobereich zählt weiterhin ungelesene Nachrichten)</translation>
    </message>
    <message>
        <source>Combine notifications into one summary</source>
        <translation>Benachrichtigungen zu einer Zusammenfassung bündeln</translation>
    </message>
    <message>
        <source>Do not disturb from</source>
        <translation>Nicht stören von</translation>
    </message>
    <message>
        <source>Play a sound with notifications</source>
        <translation>Bei Benachrichtigungen einen Ton abspielen</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Show desktop notifications for</source>
        <translation>Desktop-Benachrichtigungen anzeigen für</translation>
    </message>
    <message>
        <source>Busy times</source>
        <translation>Viel los</translation>
    </message>
    <message>
        <source>when more than</source>
        <translation>wenn mehr als</translation>
    </message>
    <message>
        <source>Quiet hours</source>
        <translation>Ruhezeiten</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Local time; an end before the start runs past midnight. No pop-ups or sound then, but the tray icon still counts new messages.</source>
        <translation>Ortszeit; ein Ende vor dem Beginn reicht über Mitternacht. Dann keine Pop-ups und kein Ton, aber das Symbol im Infobereich zählt weiterhin neue Nachrichten.</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Ton</translation>
    </message>
    <message>
        <source>These settings are yours on this computer; other agents choose their own.</source>
        <translation>Diese Einstellungen gelten für Sie auf diesem Computer; andere Agenten wählen ihre eigenen.</translation>
    </message>
    <message>
        <source>a minute</source>
        <translation>einer Minute</translation>
    </message>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n seconds</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>messages arrive within %1</source>
        <translation>Nachrichten innerhalb von %1 eintreffen</translation>
    </message>
    <message>
        <source>For example “7 new messages in 4 threads” instead of 7 pop-ups. Clicking the summary opens the most recent conversation.</source>
        <translation>Zum Beispiel „7 neue Nachrichten in 4 Unterhaltungen“ statt 7 Pop-ups. Ein Klick auf die Zusammenfassung öffnet die neueste Unterhaltung.</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>Show SMS Desk</source>
        <translation>SMS Desk anzeigen</translation>
    </message>
</context>
<context>
    <name>NumberCommands</name>
    <message>
        <source>Number %1 is not a number of this account.</source>
        <translation>Nummer %1 ist keine Nummer dieses Kontos.</translation>
    </message>
    <message>
        <source>%1 is lent to this account by %2: only %2 can change it.</source>
        <translation>%1 ist diesem Konto von %2 geliehen: Nur %2 kann sie ändern.</translation>
    </message>
    <message>
        <source>Choose a number.</source>
        <translation>Wählen Sie eine Nummer.</translation>
    </message>
    <message>
        <source>The throughput must be more than 0 messages a second.</source>
        <translation>Der Durchsatz muss größer als 0 Nachrichten pro Sekunde sein.</translation>
    </message>
    <message>
        <source>A daily cap must be at least 1 message (or no cap).</source>
        <translation>Eine Tagesgrenze muss mindestens 1 Nachricht betragen (oder keine Grenze).</translation>
    </message>
    <message>
        <source>Provider keyword %1</source>
        <translation>Anbieter-Schlüsselwort %1</translation>
    </message>
    <message>
        <source>Choose a number and the account to share it with.</source>
        <translation>Wählen Sie eine Nummer und das Konto, mit dem sie geteilt wird.</translation>
    </message>
    <message>
        <source>Choose a number and the account that borrows it.</source>
        <translation>Wählen Sie eine Nummer und das Konto, das sie ausleiht.</translation>
    </message>
</context>
<context>
    <name>NumbersPage</name>
    <message>
        <source>Long code</source>
        <translation>Langnummer</translation>
    </message>
    <message>
        <source>Toll-free</source>
        <translation>Gebührenfrei</translation>
    </message>
    <message>
        <source>Short code</source>
        <translation>Kurzwahlnummer</translation>
    </message>
    <message>
        <source>Shared short code</source>
        <translation>Geteilte Kurzwahlnummer</translation>
    </message>
    <message>
        <source>Replies to a send-only number are not threaded into any inbox: they appear only under Unrouted replies. Only a send-only number can be used by several accounts.</source>
        <translation>Antworten an eine Nur-Senden-Nummer landen in keinem Posteingang: Sie erscheinen nur unter „Nicht zugeordnete Antworten“. Nur eine Nur-Senden-Nummer kann von mehreren Konten genutzt werden.</translation>
    </message>
    <message>
        <source>The provider does not say which short codes are shared: mark it here with the account&apos;s provider keyword (letters only). Customers start their texts with it, e.g. “%1 STOP”. Number sync keeps what you set.</source>
        <translation>Der Anbieter sagt nicht, welche Kurzwahlnummern geteilt sind: Markieren Sie sie hier mit dem Anbieter-Schlüsselwort des Kontos (nur Buchstaben). Kunden beginnen ihre SMS damit, z. B. „%1 STOP“. Die Nummernsynchronisierung behält, was Sie festlegen.</translation>
    </message>
    <message>
        <source>KEYWORD</source>
        <translation>SCHLÜSSELWORT</translation>
    </message>
    <message>
        <source>Edit number</source>
        <translation>Nummer bearbeiten</translation>
    </message>
    <message>
        <source>Send-only notifications</source>
        <translation>Nur-Senden-Benachrichtigungen</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Teilen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Provider keyword</source>
        <translation>Anbieter-Schlüsselwort</translation>
    </message>
    <message>
        <source>Msg/s</source>
        <translation>Nachr./s</translation>
    </message>
    <message>
        <source>Daily cap</source>
        <translation>Tagesgrenze</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>Fähigkeiten</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>e.g. Support line</source>
        <translation>z. B. Support-Leitung</translation>
    </message>
    <message>
        <source> msg/s</source>
        <translation> Nachr./s</translation>
    </message>
    <message>
        <source>No cap</source>
        <translation>Keine Grenze</translation>
    </message>
    <message>
        <source>e.g. DESK</source>
        <translation>z. B. DESK</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>Use in account</source>
        <translation>In Konto verwenden</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Unrouted replies</source>
        <translation>Nicht zugeordnete Antworten</translation>
    </message>
    <message>
        <source>Replies to send-only numbers, and to numbers of no inbox. They are kept here for admins and never reach an agent&apos;s inbox.</source>
        <translation>Antworten an Nur-Senden-Nummern und an Nummern ohne Posteingang. Sie werden hier für Admins aufbewahrt und erreichen nie den Posteingang eines Agenten.</translation>
    </message>
    <message>
        <source>%1 (lent)</source>
        <translation>%1 (geliehen)</translation>
    </message>
    <message>
        <source>Unrouted (send-only)</source>
        <translation>Nicht zugeordnet (nur Senden)</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>A shared short code needs the account&apos;s provider keyword.</source>
        <translation>Eine geteilte Kurzwahlnummer braucht das Anbieter-Schlüsselwort des Kontos.</translation>
    </message>
    <message>
        <source>Provider keyword %1</source>
        <translation>Anbieter-Schlüsselwort %1</translation>
    </message>
    <message>
        <source>Sender numbers</source>
        <translation>Absendernummern</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>Message %1 is not a failed message of this account; nothing to retry.</source>
        <translation>Nachricht %1 ist keine fehlgeschlagene Nachricht dieses Kontos; es gibt nichts zu wiederholen.</translation>
    </message>
    <message>
        <source>Message %1 was already sent again.</source>
        <translation>Nachricht %1 wurde bereits erneut gesendet.</translation>
    </message>
    <message>
        <source>Sending it again cannot help: the provider refused it for good (error %1).</source>
        <translation>Erneutes Senden kann nicht helfen: Der Anbieter hat sie endgültig abgelehnt (Fehler %1).</translation>
    </message>
</context>
<context>
    <name>PresenceIndicators</name>
    <message>
        <source>A teammate</source>
        <translation>Ein Teammitglied</translation>
    </message>
</context>
<context>
    <name>ProviderError</name>
    <message>
        <source> (Twilio error %1)</source>
        <translation> (Twilio-Fehler %1)</translation>
    </message>
    <message>
        <source>The Account SID or Auth Token is wrong</source>
        <translation>Die Account SID oder der Auth Token ist falsch</translation>
    </message>
    <message>
        <source>The provider is rate limiting requests; retrying in %1 s%2.</source>
        <translation>Der Anbieter begrenzt die Anfragen; neuer Versuch in %1 s%2.</translation>
    </message>
    <message>
        <source>The provider is rate limiting requests%1; retrying later.</source>
        <translation>Der Anbieter begrenzt die Anfragen%1; neuer Versuch später.</translation>
    </message>
    <message>
        <source>Could not reach the provider: %1</source>
        <translation>Der Anbieter ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>%1 (Twilio error %2, HTTP %3)</source>
        <translation>%1 (Twilio-Fehler %2, HTTP %3)</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Blockiert</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Opt-outs</source>
        <translation>Abmeldungen</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segmente</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>Geantwortet</translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Messages per day</source>
        <translation>Nachrichten pro Tag</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>&lt;b&gt;By sender number&lt;/b&gt;</source>
        <translation>&lt;b&gt;Nach Absendernummer&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Campaigns&lt;/b&gt; (all time)</source>
        <translation>&lt;b&gt;Kampagnen&lt;/b&gt; (gesamter Zeitraum)</translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation>Die Zahlen werden gelesen…</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;font-size:15px&apos;&gt;Sent &lt;b&gt;%1&lt;/b&gt; · Delivered &lt;b&gt;%2&lt;/b&gt; · Received &lt;b&gt;%3&lt;/b&gt; · Opt-outs &lt;b&gt;%4&lt;/b&gt; · Blocked &lt;b&gt;%5&lt;/b&gt; · Cost &lt;b&gt;%6 %7&lt;/b&gt;&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;font-size:15px&apos;&gt;Gesendet &lt;b&gt;%1&lt;/b&gt; · Zugestellt &lt;b&gt;%2&lt;/b&gt; · Empfangen &lt;b&gt;%3&lt;/b&gt; · Abmeldungen &lt;b&gt;%4&lt;/b&gt; · Blockiert &lt;b&gt;%5&lt;/b&gt; · Kosten &lt;b&gt;%6 %7&lt;/b&gt;&lt;/span&gt;</translation>
    </message>
    <message>
        <source>By sender number</source>
        <translation>Nach Absendernummer</translation>
    </message>
    <message>
        <source>Campaigns, all time</source>
        <translation>Kampagnen, gesamter Zeitraum</translation>
    </message>
</context>
<context>
    <name>RowSpeech</name>
    <message>
        <source>Thread with %1</source>
        <translation>Unterhaltung mit %1</translation>
    </message>
    <message>
        <source>Thread with %1, %2</source>
        <translation>Unterhaltung mit %1, %2</translation>
    </message>
    <message>
        <source>via %1</source>
        <translation>über %1</translation>
    </message>
    <message>
        <source>via %1 (%2)</source>
        <translation>über %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n ungelesen</numerusform>
            <numerusform>%n ungelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>markiert</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>snoozed until %1</source>
        <translation>zurückgestellt bis %1</translation>
    </message>
    <message>
        <source>assigned to %1</source>
        <translation>zugewiesen an %1</translation>
    </message>
    <message>
        <source>cannot receive texts</source>
        <translation>kann keine SMS empfangen</translation>
    </message>
    <message>
        <source>last message %1: %2</source>
        <translation>letzte Nachricht %1: %2</translation>
    </message>
    <message>
        <source>Internal note, %1: %2</source>
        <translation>Interne Notiz, %1: %2</translation>
    </message>
    <message>
        <source>Internal note by %1, %2: %3</source>
        <translation>Interne Notiz von %1, %2: %3</translation>
    </message>
    <message>
        <source> (with an attachment)</source>
        <translation> (mit einem Anhang)</translation>
    </message>
    <message>
        <source> (with %1 attachments)</source>
        <translation> (mit %1 Anhängen)</translation>
    </message>
    <message>
        <source>Received %1%2: %3</source>
        <translation>Empfangen %1%2: %3</translation>
    </message>
    <message>
        <source>scheduled for %1</source>
        <translation>geplant für %1</translation>
    </message>
    <message>
        <source>Sent %1</source>
        <translation>Gesendet %1</translation>
    </message>
    <message>
        <source>Sent by %1, %2</source>
        <translation>Gesendet von %1, %2</translation>
    </message>
    <message>
        <source>%1%2, %3: %4</source>
        <translation>%1%2, %3: %4</translation>
    </message>
</context>
<context>
    <name>ScheduledSendFlow</name>
    <message>
        <source>This message is no longer waiting to leave.</source>
        <translation>Diese Nachricht wartet nicht mehr auf den Versand.</translation>
    </message>
    <message>
        <source>Edit scheduled message</source>
        <translation>Geplante Nachricht bearbeiten</translation>
    </message>
</context>
<context>
    <name>ScheduledSendTime</name>
    <message>
        <source>Pick a date and a time.</source>
        <translation>Wählen Sie ein Datum und eine Uhrzeit.</translation>
    </message>
    <message>
        <source>That time has passed (or is less than a minute away); pick a later one.</source>
        <translation>Dieser Zeitpunkt ist vorbei (oder weniger als eine Minute entfernt); wählen Sie einen späteren.</translation>
    </message>
    <message>
        <source>Messages can be scheduled up to a year ahead.</source>
        <translation>Nachrichten können bis zu einem Jahr im Voraus geplant werden.</translation>
    </message>
    <message>
        <source>%1 is inside the customer&apos;s quiet hours (%2–%3 their time). The earliest allowed time is %4.</source>
        <translation>%1 liegt in den Ruhezeiten des Kunden (%2–%3 seiner Zeit). Der früheste erlaubte Zeitpunkt ist %4.</translation>
    </message>
    <message>
        <source>%1 (the customer&apos;s zone is not known)</source>
        <translation>%1 (die Zeitzone des Kunden ist nicht bekannt)</translation>
    </message>
    <message>
        <source>%1 %2 (customer&apos;s time)</source>
        <translation>%1 %2 (Zeit des Kunden)</translation>
    </message>
    <message>
        <source>%1 %2, %3 (customer&apos;s time)</source>
        <translation>%1 %2, %3 (Zeit des Kunden)</translation>
    </message>
</context>
<context>
    <name>ScheduledSends</name>
    <message>
        <source>A scheduled message needs some text.</source>
        <translation>Eine geplante Nachricht braucht Text.</translation>
    </message>
    <message>
        <source>This account is not connected; messages can be scheduled once it is.</source>
        <translation>Dieses Konto ist nicht verbunden; Nachrichten können geplant werden, sobald es verbunden ist.</translation>
    </message>
    <message>
        <source>This account is not connected.</source>
        <translation>Dieses Konto ist nicht verbunden.</translation>
    </message>
    <message>
        <source>The message had already left.</source>
        <translation>Die Nachricht war bereits verschickt.</translation>
    </message>
    <message>
        <source>Message %1 is not a scheduled message waiting to leave.</source>
        <translation>Nachricht %1 ist keine geplante Nachricht, die auf den Versand wartet.</translation>
    </message>
    <message>
        <source>The message is being sent right now and cannot be canceled.</source>
        <translation>Die Nachricht wird gerade gesendet und kann nicht storniert werden.</translation>
    </message>
    <message>
        <source>The provider holds this message; connect the account to cancel it.</source>
        <translation>Der Anbieter hält diese Nachricht vor; verbinden Sie das Konto, um sie zu stornieren.</translation>
    </message>
    <message>
        <source>The provider has already sent it.</source>
        <translation>Der Anbieter hat sie bereits gesendet.</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search messages and contacts  ( / )</source>
        <translation>Nachrichten und Kontakte suchen  ( / )</translation>
    </message>
    <message>
        <source>No messages or contacts match “%1”.</source>
        <translation>Keine Nachrichten oder Kontakte passen zu „%1“.</translation>
    </message>
    <message>
        <source>Search messages and contacts</source>
        <translation>Nachrichten und Kontakte suchen</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
</context>
<context>
    <name>SearchResultDelegate</name>
    <message>
        <source>via %1</source>
        <translation>über %1</translation>
    </message>
    <message>
        <source>via %1 · %2</source>
        <translation>über %1 · %2</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
</context>
<context>
    <name>SendLaterDialog</name>
    <message>
        <source>Move to the earliest allowed time</source>
        <translation>Auf den frühesten erlaubten Zeitpunkt verschieben</translation>
    </message>
    <message>
        <source>Send later</source>
        <translation>Später senden</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Time (customer&apos;s)</source>
        <translation>Uhrzeit (des Kunden)</translation>
    </message>
    <message>
        <source>Customer&apos;s zone</source>
        <translation>Zeitzone des Kunden</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Planen</translation>
    </message>
    <message>
        <source>%1 · now %2 there</source>
        <translation>%1 · dort jetzt %2</translation>
    </message>
    <message>
        <source>Leaves %1.</source>
        <translation>Geht %1 hinaus.</translation>
    </message>
</context>
<context>
    <name>ServiceBeacon</name>
    <message>
        <source>keyword replies</source>
        <translation>Schlüsselwort-Antworten</translation>
    </message>
    <message>
        <source>campaigns</source>
        <translation>Kampagnen</translation>
    </message>
    <message>
        <source>scheduled messages</source>
        <translation>geplante Nachrichten</translation>
    </message>
    <message>
        <source>sync</source>
        <translation>Synchronisierung</translation>
    </message>
    <message>
        <source>No service running: this desktop answers keywords while it is open</source>
        <translation>Kein Dienst läuft: Dieser Desktop beantwortet Schlüsselwörter, solange er geöffnet ist</translation>
    </message>
    <message>
        <source>a moment ago</source>
        <translation>vor einem Moment</translation>
    </message>
    <message>
        <source>no duties</source>
        <translation>keine Aufgaben</translation>
    </message>
    <message>
        <source>Service on %1 live since %2: %3</source>
        <translation>Dienst auf %1 aktiv seit %2: %3</translation>
    </message>
    <message>
        <source>No service</source>
        <translation>Kein Dienst</translation>
    </message>
    <message>
        <source>Service live on %1</source>
        <translation>Dienst aktiv auf %1</translation>
    </message>
    <message>
        <source>%1 services live</source>
        <translation>%1 Dienste aktiv</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <source>Move around</source>
        <translation>Navigieren</translation>
    </message>
    <message>
        <source>Act on the conversation</source>
        <translation>Mit der Unterhaltung arbeiten</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>J / Down</source>
        <translation>J / Nach unten</translation>
    </message>
    <message>
        <source>Next conversation</source>
        <translation>Nächste Unterhaltung</translation>
    </message>
    <message>
        <source>K / Up</source>
        <translation>K / Nach oben</translation>
    </message>
    <message>
        <source>Previous conversation</source>
        <translation>Vorherige Unterhaltung</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Open the conversation</source>
        <translation>Unterhaltung öffnen</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Back to the conversation list</source>
        <translation>Zurück zur Liste der Unterhaltungen</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Strg+N</translation>
    </message>
    <message>
        <source>New conversation: text a customer</source>
        <translation>Neue Unterhaltung: einem Kunden schreiben</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Strg+R</translation>
    </message>
    <message>
        <source>Resolve or reopen</source>
        <translation>Erledigen oder wieder öffnen</translation>
    </message>
    <message>
        <source>F / Ctrl+Shift+F</source>
        <translation>F / Strg+Umschalt+F</translation>
    </message>
    <message>
        <source>Flag or unflag</source>
        <translation>Markieren oder Markierung entfernen</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>Assign to me</source>
        <translation>Mir zuweisen</translation>
    </message>
    <message>
        <source>Shift+A</source>
        <translation>Umschalt+A</translation>
    </message>
    <message>
        <source>Assign to another agent…</source>
        <translation>Einem anderen Agenten zuweisen…</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Snooze: 1 hour, tomorrow 9:00, next week, or a time you pick</source>
        <translation>Zurückstellen: 1 Stunde, morgen 9:00, nächste Woche oder ein selbst gewählter Zeitpunkt</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Strg+Umschalt+N</translation>
    </message>
    <message>
        <source>Write an internal note for the team (not sent)</source>
        <translation>Eine interne Notiz für das Team schreiben (wird nicht gesendet)</translation>
    </message>
    <message>
        <source>/ or Ctrl+F</source>
        <translation>/ oder Strg+F</translation>
    </message>
    <message>
        <source>Search messages and contacts</source>
        <translation>Nachrichten und Kontakte suchen</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>Show this list</source>
        <translation>Diese Liste anzeigen</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>Changes made on this desktop are applied here at once; teammates see them once the team log has them (when it can be reached).</source>
        <translation>Auf diesem Desktop vorgenommene Änderungen gelten hier sofort; Teammitglieder sehen sie, sobald das Teamprotokoll sie hat (wenn es erreichbar ist).</translation>
    </message>
    <message>
        <source>%1 messages</source>
        <translation>%1 Nachrichten</translation>
    </message>
    <message>
        <source> · back to %1</source>
        <translation> · zurück bis %1</translation>
    </message>
    <message>
        <source> · under a minute left</source>
        <translation> · weniger als eine Minute übrig</translation>
    </message>
    <message>
        <source> · about %1 min left</source>
        <translation> · etwa %1 Min. übrig</translation>
    </message>
    <message>
        <source>First sync: reading the history…</source>
        <translation>Erste Synchronisierung: Verlauf wird gelesen…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Wird synchronisiert…</translation>
    </message>
    <message>
        <source>First sync: %1</source>
        <translation>Erste Synchronisierung: %1</translation>
    </message>
    <message>
        <source>Syncing: %1</source>
        <translation>Synchronisierung: %1</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Auf dem neuesten Stand</translation>
    </message>
    <message>
        <source>Sync stopped; it retries on its own</source>
        <translation>Synchronisierung angehalten; sie versucht es selbst erneut</translation>
    </message>
    <message>
        <source>Online: %1</source>
        <translation>Online: %1</translation>
    </message>
    <message>
        <source>1 change not yet shared</source>
        <translation>1 Änderung noch nicht geteilt</translation>
    </message>
    <message>
        <source>%1 changes not yet shared</source>
        <translation>%1 Änderungen noch nicht geteilt</translation>
    </message>
    <message>
        <source>Teammates whose desktops are open now</source>
        <translation>Teammitglieder, deren Desktops gerade geöffnet sind</translation>
    </message>
    <message>
        <source>Sync stopped: %1 Edit the account&apos;s credentials to go on.</source>
        <translation>Synchronisierung angehalten: %1 Bearbeiten Sie die Zugangsdaten des Kontos, um fortzufahren.</translation>
    </message>
</context>
<context>
    <name>TeamCommands</name>
    <message>
        <source>Say the name your teammates will know you by.</source>
        <translation>Geben Sie den Namen an, unter dem Ihr Team Sie kennt.</translation>
    </message>
    <message>
        <source>A name cannot contain a comma.</source>
        <translation>Ein Name darf kein Komma enthalten.</translation>
    </message>
    <message>
        <source>The role must be agent, marketer or admin, not &apos;%1&apos;.</source>
        <translation>Die Rolle muss agent, marketer oder admin sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>This is not an SMS Desk invitation (it starts with smsdesk-invite:).</source>
        <translation>Dies ist keine SMS-Desk-Einladung (sie beginnt mit smsdesk-invite:).</translation>
    </message>
    <message>
        <source>The note is empty.</source>
        <translation>Die Notiz ist leer.</translation>
    </message>
    <message>
        <source>this desktop has not joined the account&apos;s team</source>
        <translation>Dieser Desktop ist dem Team des Kontos nicht beigetreten</translation>
    </message>
    <message>
        <source>only an admin of the team can do that</source>
        <translation>Das kann nur ein Admin des Teams</translation>
    </message>
    <message>
        <source>cannot join the team</source>
        <translation>Beitritt zum Team nicht möglich</translation>
    </message>
    <message>
        <source>this invitation was withdrawn or used already</source>
        <translation>Diese Einladung wurde zurückgezogen oder bereits verwendet</translation>
    </message>
    <message>
        <source>no such member in the team</source>
        <translation>Dieses Mitglied gibt es im Team nicht</translation>
    </message>
    <message>
        <source>%1 is the team&apos;s only admin: make someone else admin first</source>
        <translation>%1 ist der einzige Admin des Teams: Machen Sie zuerst jemand anderen zum Admin</translation>
    </message>
    <message>
        <source>thread %1 is not one of this account&apos;s</source>
        <translation>Unterhaltung %1 gehört nicht zu diesem Konto</translation>
    </message>
    <message>
        <source>the note could not be stored</source>
        <translation>Die Notiz konnte nicht gespeichert werden</translation>
    </message>
</context>
<context>
    <name>TeamKeysBox</name>
    <message>
        <source>API keys (one per person, revocable)</source>
        <translation>API-Schlüssel (einer pro Person, widerrufbar)</translation>
    </message>
    <message>
        <source>Revoke key</source>
        <translation>Schlüssel widerrufen</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Not connected to the provider: keys cannot be listed now.</source>
        <translation>Nicht mit dem Anbieter verbunden: Schlüssel können jetzt nicht aufgelistet werden.</translation>
    </message>
    <message>
        <source>Cannot list the API keys: %1</source>
        <translation>Die API-Schlüssel können nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Not connected to the provider: no key can be created now.</source>
        <translation>Nicht mit dem Anbieter verbunden: Jetzt kann kein Schlüssel erstellt werden.</translation>
    </message>
    <message>
        <source>Cannot create the key: %1</source>
        <translation>Der Schlüssel kann nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>Key %1
Secret %2</source>
        <translation>Schlüssel %1
Geheimnis %2</translation>
    </message>
    <message>
        <source>Give %1 the key and its secret now (account setup → API key): the secret is not shown again.</source>
        <translation>Geben Sie %1 jetzt den Schlüssel und sein Geheimnis (Kontoeinrichtung → API-Schlüssel): Das Geheimnis wird nicht noch einmal angezeigt.</translation>
    </message>
    <message>
        <source>Select the key to revoke.</source>
        <translation>Wählen Sie den Schlüssel, der widerrufen werden soll.</translation>
    </message>
    <message>
        <source>Not connected to the provider.</source>
        <translation>Nicht mit dem Anbieter verbunden.</translation>
    </message>
    <message>
        <source>Cannot revoke %1: %2</source>
        <translation>%1 kann nicht widerrufen werden: %2</translation>
    </message>
    <message>
        <source>Key %1 revoked: the provider refuses it from now on.</source>
        <translation>Schlüssel %1 widerrufen: Der Anbieter lehnt ihn ab sofort ab.</translation>
    </message>
</context>
<context>
    <name>TeamPage</name>
    <message>
        <source>Invite someone</source>
        <translation>Jemanden einladen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rolle:</translation>
    </message>
    <message>
        <source>Invited, not joined yet</source>
        <translation>Eingeladen, noch nicht beigetreten</translation>
    </message>
    <message>
        <source>%1 · desktop %2</source>
        <translation>%1 · Desktop %2</translation>
    </message>
    <message>
        <source>Join the team…</source>
        <translation>Dem Team beitreten…</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Rolle ändern</translation>
    </message>
    <message>
        <source>Role of %1:</source>
        <translation>Rolle von %1:</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Invite…</source>
        <translation>Einladen…</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>Rolle ändern…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Create API key</source>
        <translation>API-Schlüssel erstellen</translation>
    </message>
    <message>
        <source>A Twilio API key for the selected person (revocable)</source>
        <translation>Ein Twilio-API-Schlüssel für die ausgewählte Person (widerrufbar)</translation>
    </message>
    <message>
        <source>This desktop has not joined the account&apos;s team: it works alone, and teammates do not see what is decided here.</source>
        <translation>Dieser Desktop ist dem Team des Kontos nicht beigetreten: Er arbeitet allein, und Teammitglieder sehen nicht, was hier entschieden wird.</translation>
    </message>
    <message>
        <source>You are &lt;b&gt;%1&lt;/b&gt;, %2. %3</source>
        <translation>Sie sind &lt;b&gt;%1&lt;/b&gt;, %2. %3</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (Sie)</translation>
    </message>
    <message>
        <source>Give %1 this invitation: pasted into their desktop&apos;s &quot;Join the team&quot;, it makes them %2.</source>
        <translation>Geben Sie %1 diese Einladung: In „Dem Team beitreten“ auf dem eigenen Desktop eingefügt, macht sie die Person zu %2.</translation>
    </message>
    <message>
        <source>Select a member first.</source>
        <translation>Wählen Sie zuerst ein Mitglied aus.</translation>
    </message>
    <message>
        <source>Remove %1 from the team? Their desktop keeps working alone; revoke their API key too so the provider refuses them.</source>
        <translation>%1 aus dem Team entfernen? Der Desktop der Person arbeitet allein weiter; widerrufen Sie auch ihren API-Schlüssel, damit der Anbieter sie ablehnt.</translation>
    </message>
    <message>
        <source>Select the person the key is for.</source>
        <translation>Wählen Sie die Person, für die der Schlüssel ist.</translation>
    </message>
    <message>
        <source>Team members</source>
        <translation>Teammitglieder</translation>
    </message>
</context>
<context>
    <name>TeamPermissions</name>
    <message>
        <source>change number settings</source>
        <translation>Nummerneinstellungen ändern</translation>
    </message>
    <message>
        <source>change keyword processes</source>
        <translation>Schlüsselwort-Abläufe ändern</translation>
    </message>
    <message>
        <source>change confirmation rules</source>
        <translation>Bestätigungsregeln ändern</translation>
    </message>
    <message>
        <source>change the team&apos;s roster</source>
        <translation>die Mitgliederliste des Teams ändern</translation>
    </message>
    <message>
        <source>change templates</source>
        <translation>Vorlagen ändern</translation>
    </message>
    <message>
        <source>change campaigns</source>
        <translation>Kampagnen ändern</translation>
    </message>
    <message>
        <source>import, edit or delete contacts or opt-ins</source>
        <translation>Kontakte oder Anmeldungen importieren, bearbeiten oder löschen</translation>
    </message>
    <message>
        <source>an admin</source>
        <translation>ein Admin</translation>
    </message>
    <message>
        <source>a marketer or an admin</source>
        <translation>Marketing oder ein Admin</translation>
    </message>
    <message>
        <source>Needs the admin role.</source>
        <translation>Erfordert die Rolle Admin.</translation>
    </message>
    <message>
        <source>Needs the marketer or admin role.</source>
        <translation>Erfordert die Rolle Marketing oder Admin.</translation>
    </message>
    <message>
        <source>an agent</source>
        <translation>ein Agent</translation>
    </message>
    <message>
        <source>a marketer</source>
        <translation>Marketing</translation>
    </message>
    <message>
        <source>Only %1 can %2 (you are %3 in this team).</source>
        <translation>Nur %1 darf %2 (Sie sind %3 in diesem Team).</translation>
    </message>
</context>
<context>
    <name>TeamRoles</name>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Marketer</source>
        <translation>Marketing</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Everything: the inbox, numbers, keywords, rules and the team&apos;s roster.</source>
        <translation>Alles: Posteingang, Nummern, Schlüsselwörter, Regeln und die Mitgliederliste des Teams.</translation>
    </message>
    <message>
        <source>The inbox, contacts, templates, campaigns and reports.</source>
        <translation>Posteingang, Kontakte, Vorlagen, Kampagnen und Berichte.</translation>
    </message>
    <message>
        <source>The inbox: answer customers.</source>
        <translation>Der Posteingang: Kunden antworten.</translation>
    </message>
</context>
<context>
    <name>TeamWorkspace</name>
    <message>
        <source>Joined the team as %1.</source>
        <translation>Dem Team als %1 beigetreten.</translation>
    </message>
</context>
<context>
    <name>TemplateApprovalRule</name>
    <message>
        <source>You wrote this version: another member of the team must approve it.</source>
        <translation>Sie haben diese Version geschrieben: Ein anderes Teammitglied muss sie freigeben.</translation>
    </message>
</context>
<context>
    <name>TemplateCommands</name>
    <message>
        <source>Choose a template.</source>
        <translation>Wählen Sie eine Vorlage.</translation>
    </message>
    <message>
        <source>Choose a template version.</source>
        <translation>Wählen Sie eine Vorlagenversion.</translation>
    </message>
</context>
<context>
    <name>TemplateEditorPage</name>
    <message>
        <source>Transactional</source>
        <translation>Transaktional</translation>
    </message>
    <message>
        <source>Promotional</source>
        <translation>Werbung</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Erinnerung</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>Einmalcode</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Nachfassen</translation>
    </message>
    <message>
        <source>%1 · 1 segment · %2 characters</source>
        <translation>%1 · 1 Segment · %2 Zeichen</translation>
    </message>
    <message>
        <source>%1 · %2 segments · %3 characters</source>
        <translation>%1 · %2 Segmente · %3 Zeichen</translation>
    </message>
    <message>
        <source>Add opt-out line</source>
        <translation>Abmeldezeile hinzufügen</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Entwurf speichern</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>Zurückziehen</translation>
    </message>
    <message>
        <source>Template name</source>
        <translation>Name der Vorlage</translation>
    </message>
    <message>
        <source>Hi {{first_name|there}}, ...</source>
        <translation>Hallo {{first_name|there}}, …</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>Neue Vorlage</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Zielgruppe</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Preview for</source>
        <translation>Vorschau für</translation>
    </message>
    <message>
        <source>All contacts</source>
        <translation>Alle Kontakte</translation>
    </message>
    <message>
        <source>Tagged %1</source>
        <translation>Mit Tag %1</translation>
    </message>
    <message>
        <source>%1
v%2 · %3 · %4</source>
        <translation>%1
v%2 · %3 · %4</translation>
    </message>
    <message>
        <source>no contacts in the audience: counted with fallbacks only</source>
        <translation>keine Kontakte in der Zielgruppe: nur mit Ersatzwerten gezählt</translation>
    </message>
    <message>
        <source>longest for %1</source>
        <translation>am längsten für %1</translation>
    </message>
    <message>
        <source>%1 × %2 = %3 per text (longest)</source>
        <translation>%1 × %2 = %3 pro SMS (längste)</translation>
    </message>
    <message>
        <source>1 segment</source>
        <translation>1 Segment</translation>
    </message>
    <message>
        <source>%1 segments</source>
        <translation>%1 Segmente</translation>
    </message>
    <message>
        <source>; about %1 for %2</source>
        <translation>; etwa %1 für %2</translation>
    </message>
    <message>
        <source>1 contact</source>
        <translation>1 Kontakt</translation>
    </message>
    <message>
        <source>%1 contacts</source>
        <translation>%1 Kontakte</translation>
    </message>
    <message>
        <source>(no value for: %1)</source>
        <translation>(kein Wert für: %1)</translation>
    </message>
    <message>
        <source>New template, not saved</source>
        <translation>Neue Vorlage, nicht gespeichert</translation>
    </message>
    <message>
        <source>Version %1 · draft by %2</source>
        <translation>Version %1 · Entwurf von %2</translation>
    </message>
    <message>
        <source>Version %1 · approved by %2, %3</source>
        <translation>Version %1 · freigegeben von %2, %3</translation>
    </message>
    <message>
        <source>Version %1 · retired (approved by %2)</source>
        <translation>Version %1 · zurückgezogen (freigegeben von %2)</translation>
    </message>
    <message>
        <source> · unsaved changes</source>
        <translation> · ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source> · a teammate approves it</source>
        <translation> · ein Teammitglied gibt sie frei</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Vorlagen</translation>
    </message>
</context>
<context>
    <name>ThreadListDelegate</name>
    <message>
        <source>Text OK</source>
        <translation>SMS OK</translation>
    </message>
    <message>
        <source>Landline</source>
        <translation>Festnetz</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>Wird geprüft</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>Zurückgestellt bis %1</translation>
    </message>
    <message>
        <source>✓ Resolved</source>
        <translation>✓ Erledigt</translation>
    </message>
    <message>
        <source>via %1</source>
        <translation>über %1</translation>
    </message>
    <message>
        <source>via %1 · %2</source>
        <translation>über %1 · %2</translation>
    </message>
    <message>
        <source>%1m</source>
        <comment>minutes ago</comment>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>%1h</source>
        <comment>hours ago</comment>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>short month name, day of the month</comment>
        <translation>%2. %1</translation>
    </message>
    <message>
        <source>%1 %2, %3</source>
        <comment>short month name, day of the month, year</comment>
        <translation>%2. %1 %3</translation>
    </message>
    <message>
        <source>%1 %2, %3</source>
        <comment>short month name, day of the month, time</comment>
        <translation>%2. %1, %3</translation>
    </message>
</context>
<context>
    <name>ThreadListView</name>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
</context>
<context>
    <name>ThreadView</name>
    <message>
        <source>Edit scheduled message…</source>
        <translation>Geplante Nachricht bearbeiten…</translation>
    </message>
    <message>
        <source>Cancel scheduled message</source>
        <translation>Geplante Nachricht abbrechen</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
</context>
<context>
    <name>TrayBadge</name>
    <message>
        <source>SMS Desk — no unread messages</source>
        <translation>SMS Desk — keine ungelesenen Nachrichten</translation>
    </message>
    <message numerus="yes">
        <source>SMS Desk — %n unread</source>
        <translation>
            <numerusform>SMS Desk — %n ungelesen</numerusform>
            <numerusform>SMS Desk — %n ungelesen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnansweredKeywordsIndicator</name>
    <message>
        <source>Keyword replies that could not go out within the reply window were not sent late: each thread shows a note from SMS Desk. Answer them by hand.</source>
        <translation>Schlüsselwort-Antworten, die nicht innerhalb des Antwortfensters hinausgehen konnten, wurden nicht verspätet gesendet: Jede Unterhaltung zeigt eine Notiz von SMS Desk. Beantworten Sie sie von Hand.</translation>
    </message>
    <message>
        <source>1 keyword not answered (too old)</source>
        <translation>1 Schlüsselwort nicht beantwortet (zu alt)</translation>
    </message>
    <message>
        <source>%1 keywords not answered (too old)</source>
        <translation>%1 Schlüsselwörter nicht beantwortet (zu alt)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>SMS Desk, a shared inbox for business SMS.</source>
        <translation>SMS Desk, ein gemeinsamer Posteingang für geschäftliche SMS.</translation>
    </message>
    <message>
        <source>Start the in-process sandbox provider with a demo account and live customers.</source>
        <translation>Den eingebauten Sandbox-Anbieter mit einem Demo-Konto und lebendigen Kunden starten.</translation>
    </message>
    <message>
        <source>Open the desktop profile (local database) at PATH.</source>
        <translation>Das Desktop-Profil (lokale Datenbank) unter PFAD öffnen.</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PFAD</translation>
    </message>
    <message>
        <source>this desktop</source>
        <translation>dieser Desktop</translation>
    </message>
</context>
</TS>
