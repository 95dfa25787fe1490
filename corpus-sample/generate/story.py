"""The sample release's story: invented people and the emails and documents between them,
modelled on the NYPD–Clearview AI records released under FOIL (Oct 2018 – Feb 2020).

Body markup: [[box:hidden]] is a black redaction box (the text is not in the file);
exemption codes (§87(2)(b), (b)(6), …) are printed as text.
"""

# key: (name as printed, address, organisation, signature-known organisation)
PEOPLE = {
    "reyes": ("Michael Reyes", "michael.reyes@nypd.org", "NYPD"),
    "reyes_gmail": ("Michael Reyes", "mreyes.nyc@gmail.com", "NYPD"),
    "oneill": ("Karen O'Neill", "karen.oneill@nypd.org", "NYPD"),
    "kaplan": ("David Kaplan", "david.kaplan@nypd.org", "NYPD"),
    "russo": ("Anthony Russo", "anthony.russo@nypd.org", "NYPD"),
    "russo_yahoo": ("Tony Russo", "tonyrusso718@yahoo.com", "NYPD"),
    "natarajan": ("Priya Natarajan", "priya.natarajan@nypd.org", "NYPD"),
    "chen": ("Laura Chen", "laura.chen@nypd.org", "NYPD"),
    "walsh": ("Kevin Walsh", "kevin.walsh@nypd.org", "NYPD"),
    "walsh_gmail": ("Kevin Walsh", "kwalsh.det@gmail.com", "NYPD"),
    "foil": ("Records Access Officer", "foil@nypd.org", "NYPD"),
    "moore": ("Jessica Moore", "jessica.moore@clearview.ai", "Clearview AI"),
    "lambert": ("Hal Lambert", "hal@clearview.ai", "Clearview AI"),
    "news": ("Clearview AI", "news@clearview.ai", "Clearview AI"),
    "bradley": ("Tom Bradley", "tbradley@dataworksplus.com", "DataWorks Plus"),
    "fischer": ("Anna Fischer", "anna.fischer@cognitec.com", "Cognitec"),
    "patel": ("Raj Patel", "raj.patel@necam.com", "NEC"),
    "delgado": ("Mark Delgado", "mark.delgado@ice.dhs.gov", "ICE"),
    "hill": ("Marcus Hill", "marcus.hill@ice.dhs.gov", "ICE"),
    "whitfield": ("Sarah Whitfield", "sarah.whitfield@hq.dhs.gov", "DHS"),
    "park": ("John Park", "jpark@fbi.gov", "FBI"),
    "stein": ("Rachel Stein", "rstein@legal-aid.org", "Legal Aid Society"),
}

AGENCIES = {"NYPD", "ICE", "DHS", "FBI", "Legal Aid Society"}
VENDORS = {"Clearview AI", "DataWorks Plus", "Cognitec", "NEC"}
# How the text may name a vendor (the truth's "vendors named in the text").
VENDOR_MENTIONS = {
    "Clearview AI": ["Clearview"],
    "DataWorks Plus": ["DataWorks"],
    "Cognitec": ["Cognitec", "FaceVACS"],
    "NEC": ["NEC", "NeoFace"],
}
PERSONAL_DOMAINS = {"gmail.com", "yahoo.com"}

# Each email: date (y, m, d, h, min[, offset minutes]), from, to, cc, subject, body,
# and optionally quote (a quoted earlier message printed inside the body: dict with
# from/date/to/subject/text; never a record of its own) and attachments (names printed).
def E(date, frm, to, subject, body, cc=(), quote=None, attachments=(), owner=None):
    return dict(date=date, frm=frm, to=list(to), cc=list(cc), subject=subject, body=body,
                quote=quote, attachments=list(attachments), owner=owner)

# Outlook print, born-digital: the first part of the NYPD release.
NYPD_PART1 = [
    E((2018, 10, 9, 9, 14), "moore", ["reyes"], "Introduction - Clearview AI",
      "Detective Reyes,\n\nThank you for taking my call this morning. As discussed, Clearview searches a database of publicly "
      "available images in seconds and returns links to where each photo appears online. I would be glad to set up a short "
      "demonstration for your unit at One Police Plaza. Our pilot program costs nothing for the first thirty days.\n\n"
      "Best regards,\nJessica Moore\nClearview AI"),
    E((2018, 10, 11, 14, 2), "reyes", ["moore"], "RE: Introduction - Clearview AI",
      "Jessica,\n\nSergeant O'Neill and I can meet on October 18 at 2 PM. Please bring examples from other departments that "
      "have used the tool on closed cases.\n\nDet. Michael Reyes\nFacial Identification Section",
      cc=["oneill"],
      quote=dict(frm="moore", date=(2018, 10, 9, 9, 14), to=["reyes"], subject="Introduction - Clearview AI",
                 text="Detective Reyes,\nThank you for taking my call this morning. As discussed, we can arrange a visit.")),
    E((2018, 10, 18, 16, 40), "oneill", ["kaplan"], "Clearview demo today",
      "Lieutenant,\n\nThe demonstration went well. The vendor matched two of our cold case photos against images collected "
      "from social media sites. I recommend a limited trial inside the Facial Identification Section. They pointed out that "
      "our DataWorks system does not cover open source imagery.\n\nSgt. Karen O'Neill"),
    E((2018, 10, 22, 10, 5), "lambert", ["oneill", "reyes"], "Trial agreement",
      "Sergeant O'Neill, Detective Reyes,\n\nAttached is the draft trial agreement. There is no charge during the trial "
      "period and each of your investigators can receive an individual login. Phone me at [[box:212-555-0147]] with any "
      "questions.\n\nHal Lambert",
      attachments=["Clearview_NYPD_Trial_Agreement.pdf"]),
    E((2018, 11, 1, 11, 30), "kaplan", ["chen"], "Clearview trial - legal review",
      "Inspector Chen,\n\nCan the Legal Bureau review the attached agreement before Friday? We want to be sure the trial does "
      "not require a contract through the procurement office.\n\nLt. David Kaplan\nIntelligence Bureau",
      cc=["oneill"], attachments=["Clearview_NYPD_Trial_Agreement.pdf"]),
    E((2018, 11, 7, 15, 12), "chen", ["kaplan"], "RE: Clearview trial - legal review",
      "Lieutenant,\n\nLegal has no objection to a no-cost evaluation, provided no department data is kept by the vendor "
      "after the trial. The attorney assigned §87(2)(b) should be copied on any renewal.\n\nInsp. Laura Chen\nLegal Bureau"),
    E((2018, 11, 14, 9, 48), "moore", ["reyes", "russo", "natarajan", "walsh", "oneill"], "Your Clearview accounts are ready",
      "Welcome aboard. Each of you now has an account tied to your department email address. Download the app and sign in "
      "with the temporary password we sent by text message. Try searching with a photo of yourself to see how it works.\n\n"
      "Jessica"),
    E((2018, 11, 20, 17, 25), "russo", ["moore"], "Login question",
      "Jessica,\n\nCan I install the app on my personal phone? The department phones in our squad do not allow new apps.\n\n"
      "Anthony Russo"),
    E((2018, 11, 21, 8, 55), "moore", ["russo"], "RE: Login question",
      "Anthony,\n\nYes, the app works on any personal device, and you can sign in with a personal email address if that is "
      "easier. Many detectives in other cities do exactly that.\n\nJessica",
      quote=dict(frm="russo", date=(2018, 11, 20, 17, 25), to=["moore"], subject="Login question",
                 text="Jessica,\nCan I install the app on my personal phone?")),
    E((2018, 12, 3, 13, 10), "lambert", ["oneill"], "Trial usage so far",
      "Sergeant,\n\nYour team ran 42 searches in the first two weeks. See if you can reach 100 searches before the end of "
      "the month so we can show the value to your leadership.\n\nHal"),
    E((2018, 12, 4, 10, 32), "oneill", ["reyes", "russo", "natarajan"], "Clearview - keep testing",
      "Team,\n\nPlease keep running the vendor tool on active cases where we have a probe image. Remember that a possible "
      "match is only a lead and is never probable cause to arrest.\n\nSgt. O'Neill"),
    E((2018, 12, 17, 12, 20), "natarajan", ["oneill"], "Success - robbery pattern",
      "Sergeant,\n\nThe tool returned a possible match for the Bronx robbery pattern suspect within minutes. The match was "
      "confirmed through an Instagram profile and a prior arrest photo.\n\nPO Priya Natarajan"),
    E((2019, 1, 8, 9, 0), "moore", ["oneill"], "Success stories",
      "Karen,\n\nWould your team share a short success story we can use with other agencies, without names? We are "
      "preparing a case study for a conference in February.\n\nJessica",
      cc=["lambert"]),
    E((2019, 1, 10, 16, 45), "oneill", ["moore"], "RE: Success stories",
      "Jessica,\n\nWe cannot provide case details for marketing. Please do not reference the department in any materials "
      "without written approval from DCPI.\n\nKaren O'Neill",
      quote=dict(frm="moore", date=(2019, 1, 8, 9, 0), to=["oneill"], subject="Success stories",
                 text="Karen,\nWould your team share a short story we could use?")),
    E((2019, 1, 29, 11, 11), "patel", ["kaplan"], "NeoFace Watch briefing",
      "Lieutenant Kaplan,\n\nFollowing up on our call, NEC would like to present NeoFace Watch for real-time video. We can "
      "arrange a briefing at your convenience in March.\n\nRaj Patel\nNEC Corporation of America"),
    E((2019, 2, 5, 10, 20), "kaplan", ["patel"], "RE: NeoFace Watch briefing",
      "Mr. Patel,\n\nThank you. The department is not evaluating real-time video matching at this time. I will keep your "
      "materials on file.\n\nLt. Kaplan"),
    E((2019, 2, 14, 14, 30), "bradley", ["oneill"], "Annual maintenance renewal",
      "Sergeant,\n\nThe annual maintenance for the FACE Plus system renews on March 1. The updated quote is attached. "
      "Please route it to your procurement contact.\n\nTom Bradley\nDataWorks Plus",
      attachments=["DWP_Quote_2019.pdf"]),
    E((2019, 2, 21, 9, 40), "oneill", ["kaplan"], "Vendor overlap",
      "Lieutenant,\n\nWe now run the DataWorks system for arrest photo comparisons and the Clearview trial for open source "
      "imagery. Several investigators prefer the Clearview app because it is faster on their phones.\n\nSgt. O'Neill"),
    E((2019, 3, 6, 15, 55), "fischer", ["kaplan"], "FaceVACS evaluation",
      "Dear Lieutenant,\n\nCognitec would welcome the chance to run a benchmark of FaceVACS against your current matcher "
      "using a test gallery of your choosing.\n\nKind regards,\nAnna Fischer"),
    E((2019, 3, 12, 10, 10), "chen", ["kaplan", "oneill"], "Retention of search images",
      "Please confirm in writing whether probe images uploaded during the trial remain on the vendor's servers. For "
      "follow up call [[box:646-555-0199]], extension (b)(6).\n\nInsp. Chen"),
    E((2019, 4, 2, 9, 25), "lambert", ["kaplan"], "Paid license proposal",
      "Lieutenant,\n\nOur proposal for a department-wide license is attached. Pricing for fifty users is listed on page "
      "two.\n\nHal Lambert\nClearview AI",
      attachments=["Clearview_License_Proposal.pdf"]),
    E((2019, 4, 9, 16, 0), "kaplan", ["lambert"], "RE: Paid license proposal",
      "Mr. Lambert,\n\nThank you. The department will not purchase a license at this time. The trial accounts will remain "
      "active while the Legal Bureau completes its review.\n\nLt. David Kaplan"),
]

# Gmail print, born-digital: threads printed from officers' personal accounts.
NYPD_PART2_THREADS = [
    dict(owner="reyes_gmail", subject="Clearview on my phone", messages=[
        E((2018, 12, 8, 21, 14), "reyes_gmail", ["moore"], "Clearview on my phone",
          "Hi Jessica,\n\nThis is Det. Reyes writing from my personal account. Can you move my login to this address? The "
          "work phone keeps logging me out at night.\n\nMichael Reyes\nDetective, Facial Identification Section\nNYPD"),
        E((2018, 12, 9, 10, 2), "moore", ["reyes_gmail"], "Re: Clearview on my phone",
          "Done. Your account now uses this Gmail address and you keep the same search history. Let me know if the night "
          "shift needs more invites.\n\nJessica"),
        E((2018, 12, 9, 12, 47), "reyes_gmail", ["moore"], "Re: Clearview on my phone",
          "Thanks. Two more detectives on the overnight tour want accounts, I will send their names.\n\nMike Reyes\nNYPD "
          "Facial Identification Section"),
    ]),
    dict(owner="walsh_gmail", subject="Photo from the subway case", messages=[
        E((2019, 5, 14, 22, 30), "walsh_gmail", ["delgado"], "Photo from the subway case",
          "Mark,\n\nHere is the photo from the subway assault I mentioned. I ran it through Clearview and got a hit on a "
          "man who may be in your system under another name.\n\nKevin Walsh\nDetective, NYPD Transit Bureau"),
        E((2019, 5, 15, 8, 12), "delgado", ["walsh_gmail"], "Re: Photo from the subway case",
          "Thanks Kevin. We have an open file on him. I will run the name through our databases and let you know. Please "
          "keep this between us for now.\n\nMark"),
        E((2019, 5, 20, 19, 5), "walsh_gmail", ["delgado"], "Re: Photo from the subway case",
          "Any luck with the name? My lieutenant is asking for an update on the identification.\n\nKW\nNYPD Transit"),
    ]),
    dict(owner="reyes_gmail", subject="Clearview tips for investigators", messages=[
        E((2019, 6, 3, 18, 20), "moore", ["reyes_gmail"], "Clearview tips for investigators",
          "Mike,\n\nA few tips: use the clearest frontal photo you have, crop to the face, and try several photos of the "
          "same person. Share your referral code with colleagues in other units.\n\nJessica",
          cc=["lambert"]),
        E((2019, 6, 4, 7, 45), "reyes_gmail", ["delgado"], "Fwd: Clearview tips for investigators",
          "Mark, passing these along since your team asked how we use the app.\n\nMichael Reyes\nDetective, NYPD FIS",
          quote=dict(frm="moore", date=(2019, 6, 3, 18, 20), to=["reyes_gmail"], subject="Clearview tips for investigators",
                     text="Mike,\nA few tips: crop to the face and try several photos.", forward=True)),
    ]),
    dict(owner="walsh_gmail", subject="Clearview referral to HSI", messages=[
        E((2019, 9, 17, 11, 3), "walsh_gmail", ["whitfield"], "Clearview referral to HSI",
          "Sarah,\n\nMark said you coordinate facial recognition requests for HSI New York. Our squad can run Clearview "
          "searches for your cases if you send probe photos to this address.\n\nDet. Kevin Walsh\nNYPD",
          cc=["delgado"]),
        E((2019, 9, 18, 9, 30), "whitfield", ["walsh_gmail"], "Re: Clearview referral to HSI",
          "Kevin,\n\nThank you. Please route any requests through the official liaison channel instead of personal email. "
          "I am copying Mark so we keep one record.\n\nSarah Whitfield",
          cc=["delgado"]),
    ]),
]

# Outlook print, scanned (image-only): the later part of the NYPD release.
NYPD_SCANS = [
    E((2019, 7, 8, 10, 15), "lambert", ["oneill"], "Trial extension",
      "Sergeant,\n\nWe have extended your team's trial through the end of the year at no cost. There are now thirty four "
      "active users in your department.\n\nHal Lambert"),
    E((2019, 7, 9, 9, 5), "oneill", ["kaplan"], "FW: Trial extension",
      "Lieutenant, see below. The number of users has grown well past our original group. Should we limit new "
      "accounts?\n\nKaren",
      quote=dict(frm="lambert", date=(2019, 7, 8, 10, 15), to=["oneill"], subject="Trial extension",
                 text="Sergeant,\nWe have extended the trial at no cost.")),
    E((2019, 7, 12, 14, 40), "kaplan", ["oneill"], "RE: FW: Trial extension",
      "Yes. No new accounts without my approval, and every search must be logged with a case number.\n\nLt. Kaplan"),
    E((2019, 8, 20, 16, 22), "park", ["oneill"], "Request for assistance",
      "Sergeant,\n\nOur task force has a photo of a suspect in a bank robbery series. Could your section run it against "
      "your resources, including any commercial tools?\n\nSA John Park\nFBI New York Field Office"),
    E((2019, 8, 21, 11, 48), "oneill", ["park"], "RE: Request for assistance",
      "Agent Park,\n\nPlease send the request on letterhead through the Intelligence Bureau. We can only use approved "
      "systems for outside agency requests.\n\nSgt. O'Neill"),
    E((2019, 10, 2, 13, 33), "natarajan", ["oneill"], "Searches this month",
      "Sergeant,\n\nI logged fifty seven searches in September. Twelve produced possible matches that were sent to "
      "investigators as leads only.\n\nPO Natarajan"),
    E((2019, 11, 19, 10, 50), "chen", ["kaplan", "oneill"], "Trial accounts to be closed",
      "Effective immediately, all trial accounts with the vendor are to be deactivated pending a policy review. The names "
      "of users are withheld §87(2)(b).\n\nInsp. Laura Chen"),
    E((2019, 11, 20, 9, 12), "oneill", ["reyes", "russo", "natarajan"], "Account shutdown",
      "Team,\n\nPer Legal Bureau, stop using the Clearview app today and delete it from any personal phones. Send me a "
      "list of open cases where it was used.\n\nSgt. O'Neill"),
]

# RFC-style print, scanned: ICE's release of referral emails (dates carry offsets).
ICE_SCANS = [
    E((2019, 6, 11, 14, 20, -240), "delgado", ["walsh"], "Identification results",
      "Kevin,\n\nThe name from your photo matches a subject with a final order of removal. We will take it from here. "
      "Subject details (b)(7)(C).\n\nMark Delgado\nHSI New York"),
    E((2019, 6, 12, 9, 1, -240), "walsh", ["delgado"], "RE: Identification results",
      "Understood. Please let me know if you need the original image or the case number for your paperwork.\n\nKevin"),
    E((2019, 10, 3, 15, 45, -240), "whitfield", ["delgado"], "Facial recognition requests from NYPD",
      "Mark,\n\nWe need to document the informal requests from NYPD detectives. Please list each photo received, the date "
      "and the tool used, Clearview or otherwise.\n\nSarah",
      cc=["hill"]),
    E((2019, 10, 4, 10, 10, -240), "delgado", ["whitfield"], "RE: Facial recognition requests from NYPD",
      "Sarah,\n\nI count four photos since May, all sent by the same detective from a personal Gmail account. Details "
      "withheld (b)(6), (b)(7)(C).\n\nMark"),
    E((2020, 1, 21, 11, 30, -300), "whitfield", ["delgado", "hill"], "Guidance on outside facial recognition",
      "Effective today, agents may not request or accept facial recognition results from local police unless the request "
      "is approved by a supervisor and documented.\n\nSarah Whitfield\nDHS"),
    E((2020, 2, 7, 16, 5, -300), "delgado", ["walsh"], "Closing the loop",
      "Kevin,\n\nOur guidance changed last month. Any future photo requests have to go through your department's liaison "
      "to our office.\n\nMark"),
]

# .eml files: (file name, email, MIME style)
EML = [
    ("2018-10-25_dataworks_training.eml", "base64", E((2018, 10, 25, 13, 45, -240), "bradley", ["oneill"], "Training dates for FACE Plus",
      "Sergeant O'Neill,\n\nWe can hold the annual FACE Plus operator training on November 8 or November 15. Each session "
      "takes four hours and covers the new candidate list review screen.\n\nTom Bradley\nDataWorks Plus")),
    ("2019-04-15_russo_personal.eml", "qp-encoded-subject", E((2019, 4, 15, 23, 2, -240), "russo_yahoo", ["moore"], "Löschen? Old searches on my phone",
      "Jessica,\n\nHow do I clear the search history on my phone? My partner saw the results screen over my shoulder "
      "during a family dinner.\n\nDet. Anthony Russo\nNYPD Patrol Borough Brooklyn North\n\nSent from my iPhone")),
    ("2019-05-01_clearview_newsletter.eml", "alternative", E((2019, 5, 1, 6, 0, 0), "news", ["reyes"], "Clearview AI Newsletter - May 2019",
      "New this month: faster searches and a redesigned mobile interface. Law enforcement users passed one million "
      "searches in April.\n\nTip of the month: invite a colleague and both of you get unlimited searches until June.")),
    ("2019-06-25_meeting_request.eml", "base64", E((2019, 6, 25, 15, 30, -240), "lambert", ["kaplan"], "Meeting request",
      "Lieutenant,\n\nI will be in New York on July 2 and would like fifteen minutes to discuss the trial results and a "
      "path to a paid contract.\n\nHal")),
    ("2019-08-02_cognitec_benchmark.eml", "latin1", E((2019, 8, 2, 9, 15, 120), "fischer", ["kaplan"], "Rückfrage: benchmark results",
      "Herr Kaplan,\n\nthe benchmark results from our lab in Dresden are ready. FaceVACS found the correct mate in the "
      "first rank for ninety one percent of the test probes.\n\nGrüße aus Dresden,\nAnna Fischer\nCognitec Systems GmbH")),
    ("2019-09-30_personal_email_account.eml", "html-only", E((2019, 9, 30, 12, 5, -240), "moore", ["russo_yahoo"], "Your account on a personal email",
      "Hi Tony,\n\nYour Clearview login now uses your Yahoo address, as you asked. Your department address has been "
      "removed from the account.\n\nJessica")),
    ("2019-12-02_data_retention_letter.eml", "attachment", E((2019, 12, 2, 17, 40, -300), "lambert", ["chen"], "Data retention letter",
      "Inspector Chen,\n\nAs requested, attached is our letter describing how probe images from the trial are stored and "
      "deleted.\n\nHal Lambert")),
    ("2020-02-18_foil_follow_up.eml", "qp", E((2020, 2, 18, 10, 0, -300), "stein", ["foil"], "FOIL request 2020-PL-00417 follow-up",
      "Dear Records Access Officer,\n\nThe Legal Aid Society writes to ask when the department expects to produce the "
      "remaining emails responsive to our January request about facial recognition vendors.\n\nRachel Stein\n"
      "Staff Attorney, The Legal Aid Society")),
]

MBOX = [
    E((2019, 1, 15, 8, 30, -300), "patel", ["kaplan"], "NEC at the IACP conference",
      "Lieutenant,\n\nNEC will show NeoFace at the IACP technology conference next month. I can reserve a private slot "
      "for your team on the second morning.\n\nRaj"),
    E((2019, 3, 1, 11, 0, 60), "fischer", ["oneill"], "FaceVACS 9.4 release",
      "Dear Sergeant O'Neill,\n\nFaceVACS 9.4 is now available with better matching on low resolution video stills.\n"
      "From the release notes: templates are not compatible with version 8.\n\nAnna Fischer"),
    E((2019, 5, 2, 14, 0, -240), "bradley", ["oneill"], "Upgrade webinar",
      "Sergeant,\n\nJoin our upgrade webinar on May 9 to see the new mugshot quality checks in the latest release.\n\nTom"),
    E((2019, 11, 25, 9, 45, -300), "moore", ["reyes"], "Sorry to see you go",
      "Michael,\n\nWe noticed the department accounts were switched off last week. If your unit wants to return, we can "
      "reactivate every login within a day.\n\nJessica"),
    E((2020, 1, 28, 19, 20, -300), "lambert", ["kaplan"], "Following up after the article",
      "Lieutenant,\n\nIn light of the recent press coverage, I would welcome a call to explain how our database is built "
      "and how we protect the searches your investigators ran.\n\nHal Lambert\nClearview AI"),
]

# Documents: (file, title lines and paragraphs, scanned?, agencies named, vendors named, date)
DOCUMENTS = [
    dict(file="Clearview_NYPD_Trial_Agreement.pdf", scanned=False, date=(2018, 10, 22),
         title="Trial Evaluation Agreement",
         paragraphs=[
             "Between Clearview AI, Inc. (\"Clearview\") and the New York City Police Department (\"the Department\").",
             "Dated: October 22, 2018",
             "1. Purpose. Clearview grants the Department no-cost access to its facial search application for a trial "
             "period of thirty days, which Clearview may extend in writing.",
             "2. Users. Each investigator designated by the Department receives an individual account. Accounts are "
             "personal and may not be shared.",
             "3. Data. Probe images submitted during the trial are used only to run searches requested by the Department.",
             "4. No obligation. Nothing in this agreement obliges the Department to purchase a license after the trial.",
             "5. Contacts. For Clearview: Hal Lambert. For the Department: the commanding officer of the Facial "
             "Identification Section, [[box:Sgt. K. O'Neill]].",
             "The trial evaluation agreement is signed by both parties on the date above.",
         ]),
    dict(file="NYPD_Facial_Recognition_Policy.pdf", scanned=False, date=(2020, 3, 12),
         title="Patrol Guide Procedure 212-129: Facial Recognition Technology",
         paragraphs=[
             "Date effective: March 12, 2020",
             "Purpose: To establish policy for the use of facial recognition technology by members of the New York City "
             "Police Department.",
             "Scope: Facial recognition searches are conducted only by the Facial Identification Section using the "
             "approved system supplied by DataWorks Plus, against lawfully obtained arrest photographs.",
             "A possible match is an investigative lead only and does not by itself establish probable cause to arrest.",
             "Members may not use personal devices, personal email accounts or non-approved applications for facial "
             "recognition searches.",
             "Requests from outside agencies must be approved by the commanding officer of the Intelligence Bureau.",
         ]),
    dict(file="DataWorks_Invoice_DWP-2019-0311.pdf", scanned=True, date=(2019, 3, 11),
         title="INVOICE",
         paragraphs=[
             "DataWorks Plus, LLC - 728 N. Pleasantburg Drive, Greenville, SC",
             "Invoice No. DWP-2019-0311    Date: March 11, 2019",
             "Bill to: NYPD Facial Identification Section, One Police Plaza, New York, NY 10038",
             "FACE Plus annual software maintenance, March 2019 to February 2020 ........ $[[box:84,500.00]]",
             "Operator training, two sessions ........ $6,000.00",
             "Payment terms: net 30 days. Please reference the invoice number on your payment.",
         ]),
    dict(file="LegalAid_FOIL_Request_2020-PL-00417.pdf", scanned=False, date=(2020, 1, 17),
         title="The Legal Aid Society",
         paragraphs=[
             "January 17, 2020",
             "Records Access Officer, New York City Police Department, One Police Plaza, New York, NY 10038",
             "Re: Freedom of Information Law request",
             "Under the Freedom of Information Law, the Legal Aid Society requests all emails, agreements, invoices and "
             "policies concerning Clearview AI or any other facial recognition vendor, from January 1, 2018 to the "
             "present, including communications sent from personal email accounts.",
             "We ask that records be produced in electronic form as they become available.",
             "Sincerely, Rachel Stein, Staff Attorney",
         ]),
    dict(file="NYPD_FOIL_Determination_2020-PL-00417.pdf", scanned=False, date=(2020, 3, 2),
         title="New York City Police Department - Legal Bureau, FOIL Unit",
         paragraphs=[
             "March 2, 2020",
             "Rachel Stein, The Legal Aid Society",
             "Re: FOIL Request No. 2020-PL-00417",
             "Your request is granted in part and denied in part. Records are enclosed for the trial period with the "
             "vendor. Portions are redacted under Public Officers Law §87(2)(b) because disclosure would be an "
             "unwarranted invasion of personal privacy, and under §87(2)(e)(i) because disclosure would interfere with "
             "ongoing investigations.",
             "You may appeal this determination within thirty days to the Records Access Appeals Officer.",
         ]),
]

# Attached to the 2019-12-02 data retention email.
ATTACHMENT_DOC = dict(
    file="Clearview_Data_Retention_Letter.pdf", scanned=False, date=(2019, 12, 2),
    title="Clearview AI, Inc.",
    paragraphs=[
        "December 2, 2019",
        "Inspector Laura Chen, Legal Bureau, New York City Police Department",
        "Dear Inspector Chen: probe images submitted by trial users are stored on encrypted servers and deleted "
        "automatically ninety days after the last search that used them.",
        "Search logs are kept for the life of the account so that each agency can audit its own users.",
        "Sincerely, Hal Lambert",
    ])
