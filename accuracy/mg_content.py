"""Content for the printed-email release generator: people, organisations,
threads, subjects, bodies, dates.  Every draw goes through the `rng` passed in
(a random.Random seeded by the caller); nothing here reads the clock or the
global random state.

The only project file read is the entity list (type,name,aliases,domains).
"""

import csv
import datetime as dt
import io
import os
import re
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ENTITIES_SWIFT = os.path.normpath(
    os.path.join(HERE, '..', 'Sources', 'Ingest', 'BuiltInEntities.swift'))


def entities_csv():
    """The built-in entity rows, read from the Swift file that compiles them in."""
    text = open(ENTITIES_SWIFT, encoding='utf-8').read()
    return text.split('#"""\n', 1)[1].split('\n"""#', 1)[0] + '\n'


# --------------------------------------------------------------------------
# Entity list

class Entity:
    def __init__(self, etype, name, aliases, domains):
        self.type = etype
        self.name = name
        self.aliases = aliases
        self.domains = domains


def load_entities():
    out = []
    for row in csv.DictReader(io.StringIO(entities_csv())):
        aliases = [a.strip() for a in (row.get('aliases') or '').split(';') if a.strip()]
        domains = [d.strip().lower() for d in (row.get('domains') or '').split(';') if d.strip()]
        out.append(Entity(row['type'].strip(), row['name'].strip(), aliases, domains))
    return out


# --------------------------------------------------------------------------
# Time zones (computed by hand so results never depend on the host's tz data)

def _nth_sunday(year, month, n):
    d = dt.date(year, month, 1)
    first = d + dt.timedelta(days=(6 - d.weekday()) % 7)
    return first + dt.timedelta(days=7 * (n - 1))


def _last_sunday(year, month):
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    d = nxt - dt.timedelta(days=1)
    return d - dt.timedelta(days=(d.weekday() + 1) % 7)


# zone: (standard offset minutes, dst rule, std abbrev, dst abbrev)
ZONES = {
    'eastern': (-300, 'us', 'EST', 'EDT'),
    'central': (-360, 'us', 'CST', 'CDT'),
    'mountain': (-420, 'us', 'MST', 'MDT'),
    'arizona': (-420, None, 'MST', 'MST'),
    'pacific': (-480, 'us', 'PST', 'PDT'),
    'cet': (60, 'eu', 'CET', 'CEST'),
    'china': (480, None, 'CST', 'CST'),
}


def zone_offset(zone, utc):
    """Offset in minutes of `zone` at naive-UTC instant `utc`; and abbrev."""
    std, rule, a_std, a_dst = ZONES[zone]
    dst = False
    if rule == 'us':
        y = utc.year
        start = dt.datetime.combine(_nth_sunday(y, 3, 2), dt.time(2)) - dt.timedelta(minutes=std)
        end = dt.datetime.combine(_nth_sunday(y, 11, 1), dt.time(2)) - dt.timedelta(minutes=std + 60)
        dst = start <= utc < end
    elif rule == 'eu':
        y = utc.year
        start = dt.datetime.combine(_last_sunday(y, 3), dt.time(1))
        end = dt.datetime.combine(_last_sunday(y, 10), dt.time(1))
        dst = start <= utc < end
    off = std + (60 if dst else 0)
    return off, (a_dst if dst else a_std)


class Stamp:
    """A local wall-clock time with the offset it was printed in."""

    def __init__(self, utc, zone):
        self.utc = utc
        self.zone = zone
        self.offset, self.abbrev = zone_offset(zone, utc)
        self.local = utc + dt.timedelta(minutes=self.offset)

    def in_zone(self, zone):
        return Stamp(self.utc, zone)


def iso_offset(minutes):
    sign = '+' if minutes >= 0 else '-'
    m = abs(minutes)
    return '%s%02d:%02d' % (sign, m // 60, m % 60)


def rfc_offset(minutes):
    sign = '+' if minutes >= 0 else '-'
    m = abs(minutes)
    return '%s%02d%02d' % (sign, m // 60, m % 60)


MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July',
          'August', 'September', 'October', 'November', 'December']
DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']


def hour12(t):
    h = t.hour % 12
    return (12 if h == 0 else h), ('AM' if t.hour < 12 else 'PM')


# Date formats.  Each returns (printed text, iso truth or None).
def fmt_date(style, st):
    t = st.local
    h, ap = hour12(t)
    mon, dname, day = MONTHS[t.month - 1], DAYS[t.weekday()], t.day
    iso_m = t.strftime('%Y-%m-%dT%H:%M:00')
    iso_s = t.strftime('%Y-%m-%dT%H:%M:%S')
    off = iso_offset(st.offset)
    if style == 'outlook-long':
        return '%s, %s %d, %d %d:%02d %s' % (dname, mon, day, t.year, h, t.minute, ap), iso_m
    if style == 'outlook-long-pad':
        return '%s, %s %02d, %d %d:%02d %s' % (dname, mon, day, t.year, h, t.minute, ap), iso_m
    if style == 'outlook-long-sec':
        return '%s, %s %02d, %d %d:%02d:%02d %s' % (dname, mon, day, t.year, h, t.minute, t.second, ap), iso_s
    if style == 'outlook-short':
        return '%d/%d/%d %d:%02d %s' % (t.month, day, t.year, h, t.minute, ap), iso_m
    if style == 'rfc':
        return '%s, %02d %s %d %02d:%02d:%02d %s' % (dname[:3], day, mon[:3], t.year, t.hour, t.minute, t.second,
                                                   rfc_offset(st.offset)), iso_s + off
    if style == 'rfc-nopad':
        return '%s, %d %s %d %02d:%02d:%02d %s' % (dname[:3], day, mon[:3], t.year, t.hour, t.minute, t.second,
                                                 rfc_offset(st.offset)), iso_s + off
    if style == 'gmail-a':
        return '%s, %s %d, %d at %d:%02d %s' % (dname[:3], mon[:3], day, t.year, h, t.minute, ap), iso_m
    if style == 'gmail-b':
        return '%s %d, %d at %d:%02d %s' % (mon, day, t.year, h, t.minute, ap), iso_m
    if style == 'notes':
        return '%02d/%02d/%d %02d:%02d %s' % (t.month, day, t.year, h, t.minute, ap), iso_m
    if style == 'notes-nopad':
        return '%d/%d/%d %d:%02d %s' % (t.month, day, t.year, h, t.minute, ap), iso_m
    if style == 'apple':
        return '%s %d, %d at %d:%02d:%02d %s %s' % (mon, day, t.year, h, t.minute, t.second, ap, st.abbrev), \
            iso_s + off
    if style == 'apple-on':      # "On Dec 3, 2018, at 4:15 PM, X wrote:"
        return '%s %d, %d, at %d:%02d %s' % (mon[:3], day, t.year, h, t.minute, ap), iso_m
    if style == 'thunderbird-on':  # "On 12/3/2018 4:15 PM, X wrote:"
        return '%d/%d/%d %d:%02d %s' % (t.month, day, t.year, h, t.minute, ap), iso_m
    if style == 'date-slash':
        return '%02d/%02d/%d' % (t.month, day, t.year), t.strftime('%Y-%m-%d')
    if style == 'date-long':
        return '%s %d, %d' % (mon, day, t.year), t.strftime('%Y-%m-%d')
    if style == 'date-noyear':
        return '%s %d' % (mon[:3], day), None
    raise ValueError(style)


# --------------------------------------------------------------------------
# Names

FIRST = [
    'James', 'Michael', 'Robert', 'David', 'William', 'Richard', 'Joseph', 'Thomas', 'Christopher',
    'Daniel', 'Anthony', 'Kevin', 'Brian', 'Sean', 'Patrick', 'Luis', 'Carlos', 'Jorge', 'Andre',
    'Marcus', 'Darnell', 'Hiroshi', 'Wei', 'Raj', 'Arjun', 'Omar', 'Tariq', 'Samuel', 'Peter',
    'Vincent', 'Dmitri', 'Kwame', 'Emeka', 'Mateo', 'Nikhil', 'Ethan', 'Gregory', 'Frank', 'Liam',
    'Declan', 'Terrence', 'Victor', 'Hector', 'Malik', 'Jamal', 'Stephen', 'Neil', 'Owen',
    'Mary', 'Jennifer', 'Jessica', 'Sarah', 'Karen', 'Nicole', 'Lauren', 'Michelle', 'Angela',
    'Maria', 'Ana', 'Rosa', 'Keisha', 'Tanisha', 'Aisha', 'Priya', 'Mei', 'Yuki', 'Fatima', 'Leila',
    'Olga', 'Ngozi', 'Chloe', 'Danielle', 'Megan', 'Kathleen', 'Theresa', 'Gabriela', 'Sofia',
    'Hannah', 'Rachel', 'Erin', 'Colleen', 'Denise', 'Yolanda', 'Monique', 'Tamara', 'Alicia',
    'Bridget', 'Nadia', 'Ruth', 'Elena', 'Lucia', 'Grace', 'Joanna',
]
FIRST_INTL = ['José', 'Zoë', 'Łukasz', 'Siobhán', 'Renée', 'Inés', 'Małgorzata', 'François', 'Søren',
              'Björn', 'Andrés', 'Jean-Luc', 'Mary-Kate', 'Anaïs', 'Bogdan', 'Dagný', 'Øyvind']
LAST = [
    'Reyes', 'Moore', "O'Brien", 'Sullivan', 'Nguyen', 'Patel', 'Kim', 'Chen', 'Rodriguez', 'Martinez',
    'Johnson', 'Williams', 'Brown', 'Davis', 'Miller', 'Wilson', 'Anderson', 'Taylor', 'Jackson',
    'Harris', 'Thompson', 'Garcia', 'Robinson', 'Clark', 'Lewis', 'Lee', 'Walker', 'Hall', 'Allen',
    'Young', 'Hernandez', 'King', 'Wright', 'Lopez', 'Hill', 'Scott', 'Green', 'Adams', 'Baker',
    'Gonzalez', 'Nelson', 'Carter', 'Mitchell', 'Perez', 'Roberts', 'Turner', 'Phillips', 'Campbell',
    'Parker', 'Evans', 'Edwards', 'Collins', 'Stewart', 'Morris', 'Murphy', 'Cook', 'Rogers', 'Morgan',
    'Cooper', 'Peterson', 'Bailey', 'Reed', 'Kelly', 'Howard', 'Ramos', 'Ward', 'Richardson',
    'Brooks', 'Flynn', 'Gallagher', 'McAllister', 'MacDonald', "D'Angelo", 'Esposito', 'Russo',
    'Romano', 'Cohen', 'Goldberg', 'Shapiro', 'Kowalski', 'Nowak', 'Okafor', 'Mensah', 'Haddad',
    'Khoury', 'Rahman', 'Chowdhury', 'Singh', 'Sharma', 'Tanaka', 'Sato', 'Park', 'Choi', 'Wong',
    'Liu', 'Zhang', 'Fitzgerald', 'Dubois', 'Santos', 'Oliveira', 'Delgado', 'Mancuso', 'Ferraro',
    'Okonkwo-Adeyemi', 'Smith-Jones', 'Baptiste', 'Castillo', 'Vega', 'Pryce', 'Lindqvist',
]
LAST_INTL = ['Núñez', 'Müller', 'Wiśniewski', 'García-Márquez', 'Ní Bhriain', 'Ó Briain', 'Søndergaard',
             'Lefèvre', 'Dąbrowski', 'Jóhannsdóttir', 'Peña', 'Gómez-Ruiz', 'Šimková', 'Çelik']
LAST_PARTICLE = ['van der Berg', 'De La Cruz', 'St. Pierre', 'da Silva', 'von Hagen']


def latin1_ok(s):
    try:
        s.encode('cp1252')
        return True
    except UnicodeEncodeError:
        return False


def ascii_fold(s):
    s = s.replace('Ł', 'L').replace('ł', 'l').replace('ø', 'o').replace('Ø', 'O').replace('ß', 'ss')
    s = s.replace('đ', 'd').replace('Đ', 'D').replace('æ', 'ae')
    s = unicodedata.normalize('NFKD', s)
    return ''.join(c for c in s if not unicodedata.combining(c))


def addr_part(s):
    return re.sub(r'[^a-z0-9-]', '', ascii_fold(s).lower().replace(' ', ''))


# --------------------------------------------------------------------------
# Organisations (descriptive data of my own; canonical names/domains come
# from the entity list)

AGENCY_INFO = {
    'NYPD': ('police', 'eastern', ['Facial Identification Section', 'Real Time Crime Center', 'Intelligence Bureau',
                                   'Detective Bureau', 'Legal Bureau', 'Information Technology Bureau',
                                   'FOIL Unit', 'Office of Management Analysis and Planning'],
             'New York City Police Department', ['One Police Plaza, Room 1100, New York, NY 10038',
                                                 '1 Police Plaza, New York, NY 10038'], ['212', '646', '718']),
    'ICE': ('federal', 'eastern', ['Homeland Security Investigations', 'Enforcement and Removal Operations',
                                   'Office of Acquisition Management', 'Office of the Principal Legal Advisor',
                                   'Targeting Operations Division', 'Cyber Crimes Center'],
            'U.S. Immigration and Customs Enforcement', ['26 Federal Plaza, New York, NY 10278',
                                                         '500 12th St SW, Washington, DC 20536'], ['212', '202']),
    'DHS': ('federal', 'eastern', ['Office of Biometric Identity Management', 'Science and Technology Directorate',
                                   'Office of Intelligence and Analysis'], 'Department of Homeland Security',
            ['245 Murray Lane SW, Washington, DC 20528'], ['202']),
    'CBP': ('federal', 'eastern', ['Office of Field Operations', 'Biometric Exit Program', 'National Targeting Center'],
            'U.S. Customs and Border Protection', ['1300 Pennsylvania Ave NW, Washington, DC 20229'], ['202', '571']),
    'FBI': ('federal', 'eastern', ['Criminal Justice Information Services', 'Facial Analysis, Comparison and Evaluation Unit',
                                   'New York Field Office', 'Operational Technology Division'],
            'Federal Bureau of Investigation', ['26 Federal Plaza, 23rd Floor, New York, NY 10278'], ['212', '304']),
    'DEA': ('federal', 'eastern', ['New York Division', 'Special Operations Division'],
            'Drug Enforcement Administration', ['99 10th Avenue, New York, NY 10011'], ['212']),
    'ATF': ('federal', 'eastern', ['New York Field Division', 'Office of Strategic Intelligence'],
            'ATF', ['32 Old Slip, New York, NY 10005'], ['646']),
    'US Marshals': ('federal', 'eastern', ['Southern District of New York', 'Investigative Operations Division'],
                    'U.S. Marshals Service', ['500 Pearl Street, New York, NY 10007'], ['212']),
    'DOJ': ('federal', 'eastern', ['Office of Legal Policy', 'Civil Rights Division', 'Office of Privacy and Civil Liberties'],
            'U.S. Department of Justice', ['950 Pennsylvania Ave NW, Washington, DC 20530'], ['202']),
    'Secret Service': ('federal', 'eastern', ['New York Field Office', 'Criminal Investigative Division'],
                       'U.S. Secret Service', ['335 Adams Street, Brooklyn, NY 11201'], ['718']),
    'NY State Police': ('police', 'eastern', ['Bureau of Criminal Investigation', 'NY State Intelligence Center'],
                        'New York State Police', ['1220 Washington Avenue, Albany, NY 12226'], ['518']),
    'NJ State Police': ('police', 'eastern', ['Regional Operations Intelligence Center', 'Investigations Branch'],
                        'New Jersey State Police', ['River Road, West Trenton, NJ 08628'], ['609']),
    'PAPD': ('police', 'eastern', ['Criminal Investigations Bureau', 'Special Operations Division'],
             'Port Authority Police Department', ['241 Erie Street, Jersey City, NJ 07310'], ['201', '212']),
    'MTA Police': ('police', 'eastern', ['Detective Division', 'Intelligence Unit'],
                   'MTA Police Department', ['420 Lexington Avenue, New York, NY 10170'], ['212']),
    'NYC DOI': ('legal', 'eastern', ['Office of the Inspector General for the NYPD', 'Investigations Division'],
                'New York City Department of Investigation', ['180 Maiden Lane, New York, NY 10038'], ['212']),
    'NYC Law Department': ('legal', 'eastern', ['Special Federal Litigation Division', 'Administrative Law Division'],
                           'New York City Law Department', ['100 Church Street, New York, NY 10007'], ['212']),
    'Manhattan DA': ('prosecutor', 'eastern', ['Trial Division', 'Cybercrime and Identity Theft Bureau',
                                               'Investigation Division'],
                     "Manhattan District Attorney's Office", ['One Hogan Place, New York, NY 10013'], ['212']),
    'Brooklyn DA': ('prosecutor', 'eastern', ['Investigations Division', 'Crime Strategies Unit'],
                    'Kings County District Attorney', ['350 Jay Street, Brooklyn, NY 11201'], ['718']),
    'NYS DCJS': ('state', 'eastern', ['Office of Public Safety', 'Biometric Services'],
                 'New York State Division of Criminal Justice Services', ['80 South Swan Street, Albany, NY 12210'],
                 ['518']),
    'NYS DMV': ('state', 'eastern', ['Division of Field Investigation', 'Facial Recognition Unit'],
                'New York State Department of Motor Vehicles', ['6 Empire State Plaza, Albany, NY 12228'], ['518']),
    'LAPD': ('police', 'pacific', ['Robbery-Homicide Division', 'Information Technology Bureau',
                                   'Major Crimes Division'], 'Los Angeles Police Department',
             ['100 West 1st Street, Los Angeles, CA 90012'], ['213']),
    'Chicago PD': ('police', 'central', ['Crime Prevention and Information Center', 'Bureau of Detectives'],
                   'Chicago Police Department', ['3510 South Michigan Avenue, Chicago, IL 60653'], ['312']),
    'Miami PD': ('police', 'eastern', ['Real Time Crime Center', 'Criminal Investigations Division'],
                 'Miami Police Department', ['400 NW 2nd Avenue, Miami, FL 33128'], ['305']),
    'Legal Aid Society': ('defender', 'eastern', ['Digital Forensics Unit', 'Criminal Defense Practice',
                                                  'Special Litigation Unit'], 'The Legal Aid Society',
                          ['199 Water Street, New York, NY 10038'], ['212']),
}

VENDOR_INFO = {
    'Clearview AI': ('eastern', ['Clearview', 'Clearview AI'], ['the app', 'the Clearview app', 'the search tool'], '646'),
    'DataWorks Plus': ('eastern', ['DataWorks Plus', 'DataWorks'], ['the FACE Plus module', 'the mugshot system'], '864'),
    'Cognitec': ('cet', ['Cognitec', 'FaceVACS'], ['FaceVACS-DBScan', 'the matching engine'], '+49 351'),
    'NEC': ('central', ['NEC', 'NeoFace'], ['NeoFace Reveal', 'NeoFace Watch'], '214'),
    'Idemia': ('eastern', ['Idemia', 'IDEMIA'], ['the STORM platform', 'the biometric matcher'], '978'),
    'Amazon Rekognition': ('pacific', ['Amazon Rekognition', 'Rekognition'], ['the Rekognition API', 'the service'], '206'),
    'Microsoft Azure Face': ('pacific', ['Azure Face', 'Microsoft Azure Face'], ['the Face API', 'the cloud service'], '425'),
    'Google Cloud Vision': ('pacific', ['Google Cloud Vision', 'Cloud Vision API'], ['the API', 'the cloud product'], '650'),
    'IBM Watson': ('eastern', ['IBM Watson', 'IBM'], ['Watson Visual Recognition', 'the analytics stack'], '914'),
    'Kairos': ('eastern', ['Kairos'], ['the Kairos API', 'the SDK'], '305'),
    'Face++': ('china', ['Face++', 'Megvii'], ['the Face++ SDK', 'the cloud API'], '+86 10'),
    'Clarifai': ('eastern', ['Clarifai'], ['the vision platform', 'the model'], '212'),
    'Affectiva': ('eastern', ['Affectiva'], ['the emotion SDK', 'the dashboard'], '617'),
    'OpenCV': ('pacific', ['OpenCV'], ['the library', 'the toolkit'], '650'),
    'BriefCam': ('eastern', ['BriefCam'], ['the video synopsis tool', 'the review platform'], '617'),
    'Vigilant Solutions': ('pacific', ['Vigilant Solutions'], ['the LPR database', 'FaceSearch'], '925'),
    'ShotSpotter': ('pacific', ['ShotSpotter'], ['the alert console', 'the sensor network'], '510'),
    'Palantir': ('mountain', ['Palantir', 'Palantir Gotham'], ['Gotham', 'the platform'], '720'),
    'Axon': ('arizona', ['Axon'], ['Evidence.com', 'the body-worn camera program'], '480'),
    'Genetec': ('eastern', ['Genetec'], ['Security Center', 'the VMS'], '514'),
    'Veritone': ('pacific', ['Veritone'], ['the IDentify module', 'the platform'], '949'),
    'Rank One Computing': ('mountain', ['Rank One Computing', 'Rank One'], ['the ROC SDK', 'the matcher'], '303'),
    'Voyager Labs': ('eastern', ['Voyager Labs'], ['the analytics suite', 'the platform'], '646'),
    'Babel Street': ('eastern', ['Babel Street'], ['Locate X', 'the platform'], '703'),
    'Cellebrite': ('eastern', ['Cellebrite'], ['UFED', 'Physical Analyzer'], '201'),
    'PimEyes': ('cet', ['PimEyes'], ['the search engine', 'the subscription'], '+48 22'),
    'Motorola Solutions': ('central', ['Motorola Solutions', 'Motorola'], ['CommandCentral', 'the platform'], '847'),
}

OTHER_ORGS = [
    # (display name, domain, kind, titles)
    ('Whitcombe & Fairley LLP', 'whitcombefairley.com', 'lawfirm', ['Partner', 'Associate', 'Of Counsel']),
    ('The Gowanus Courier', 'gowanuscourier.com', 'press', ['Reporter', 'Investigations Editor', 'Staff Writer']),
    ('New York City Council', 'council.nyc.gov', 'council', ['Legislative Counsel', 'Policy Analyst', 'Chief of Staff']),
    ('Surveillance Accountability Project', 'sap-ny.org', 'advocacy', ['Policy Director', 'Staff Attorney', 'Researcher']),
    ('Hudson Polytechnic Institute', 'hudsonpoly.edu', 'academic', ['Associate Professor', 'Research Fellow']),
    ('Brightwater Analytics', 'brightwateranalytics.com', 'consultant', ['Principal', 'Senior Consultant']),
    ('Metro Ledger', 'metroledger.net', 'press', ['Reporter', 'Data Reporter']),
    ('Kessler Brandt Public Affairs', 'kesslerbrandt.com', 'consultant', ['Managing Director', 'Associate']),
]

PERSONAL_DOMAINS = ['gmail.com', 'yahoo.com', 'aol.com', 'hotmail.com', 'icloud.com']

TITLES = {
    'police': ['Det.', 'Sgt.', 'Lt.', 'Capt.', 'Inspector', 'P.O.', 'Det. Specialist', None, None],
    'federal': ['Special Agent', 'Supervisory Special Agent', 'Deportation Officer', 'Intelligence Research Specialist',
                'Contracting Officer', 'Program Manager', 'Attorney-Advisor', None],
    'legal': ['Senior Counsel', 'Assistant Corporation Counsel', 'Investigator', 'Paralegal', None],
    'prosecutor': ['Assistant District Attorney', 'Bureau Chief', 'Senior Investigator', 'Paralegal', None],
    'state': ['Program Research Specialist', 'Deputy Commissioner', 'Investigator', 'Manager', None],
    'defender': ['Staff Attorney', 'Supervising Attorney', 'Investigator', 'Digital Forensics Analyst', None],
}
RANK_WORDS = {'Det.': 'Detective', 'Sgt.': 'Sergeant', 'Lt.': 'Lieutenant', 'Capt.': 'Captain',
              'P.O.': 'Police Officer', 'Det. Specialist': 'Detective Specialist'}
VENDOR_TITLES = ['Founder & CEO', 'Director of Business Development', 'Account Executive', 'Regional Sales Manager',
                 'Customer Success Manager', 'Solutions Engineer', 'VP, Public Sector', 'Government Relations Lead',
                 'Product Manager', 'Head of Law Enforcement Partnerships']

# Domains used to build addresses (a snapshot, so a seed's content does not
# change when the entity list is edited; truth tags always use the list).
AGENCY_DOMAINS = {
    'NYPD': ['nypd.org'], 'ICE': ['ice.dhs.gov'], 'DHS': ['dhs.gov'], 'CBP': ['cbp.dhs.gov'],
    'FBI': ['fbi.gov', 'ic.fbi.gov'], 'DEA': ['dea.gov'], 'ATF': ['atf.gov'], 'US Marshals': ['usms.doj.gov'],
    'DOJ': ['usdoj.gov', 'doj.gov'], 'Secret Service': ['usss.dhs.gov'], 'NY State Police': ['troopers.ny.gov'],
    'NJ State Police': ['njsp.gov', 'njsp.org'], 'PAPD': ['panynj.gov'], 'MTA Police': ['mtapd.org', 'mta.info'],
    'NYC DOI': ['doi.nyc.gov'], 'NYC Law Department': ['law.nyc.gov'], 'Manhattan DA': ['dany.nyc.gov'],
    'Brooklyn DA': ['brooklynda.org'], 'NYS DCJS': ['dcjs.ny.gov'], 'NYS DMV': ['dmv.ny.gov'],
    'LAPD': ['lapd.online', 'lapd.lacity.org'], 'Chicago PD': ['chicagopolice.org'], 'Miami PD': ['miami-police.org'],
    'Legal Aid Society': ['legal-aid.org'],
}
VENDOR_DOMAINS = {
    'Clearview AI': ['clearview.ai'], 'DataWorks Plus': ['dataworksplus.com'], 'Cognitec': ['cognitec.com'],
    'NEC': ['necam.com', 'nec.com'], 'Idemia': ['idemia.com'], 'Amazon Rekognition': ['amazon.com', 'aws.amazon.com'],
    'Microsoft Azure Face': ['microsoft.com'], 'Google Cloud Vision': ['google.com'], 'IBM Watson': ['ibm.com'],
    'Kairos': ['kairos.com'], 'Face++': ['megvii.com', 'faceplusplus.com'], 'Clarifai': ['clarifai.com'],
    'Affectiva': ['affectiva.com'], 'OpenCV': ['opencv.org'], 'BriefCam': ['briefcam.com'],
    'Vigilant Solutions': ['vigilantsolutions.com'], 'ShotSpotter': ['shotspotter.com', 'soundthinking.com'],
    'Palantir': ['palantir.com'], 'Axon': ['axon.com'], 'Genetec': ['genetec.com'], 'Veritone': ['veritone.com'],
    'Rank One Computing': ['rankone.io'], 'Voyager Labs': ['voyagerlabs.co'], 'Babel Street': ['babelstreet.com'],
    'Cellebrite': ['cellebrite.com'], 'PimEyes': ['pimeyes.com'], 'Motorola Solutions': ['motorolasolutions.com'],
}


def entity_for(name, etype, entities):
    """The list's canonical name for an organisation known here as `name`."""
    for e in entities:
        if e.type == etype and e.name == name:
            return e.name
    for e in entities:
        if e.type == etype and name in e.aliases:
            return e.name
    return None


# Abbreviated OUs for Lotus-Notes style names
def ou_abbrev(unit):
    words = [w for w in re.split(r'[^A-Za-z]+', unit) if w and w[0].isupper() and w not in ('The', 'And', 'Of', 'For')]
    ou = ''.join(w[0] for w in words)[:5] or 'HQ'
    if ou in ('ROC', 'DWP', 'NEC', 'IBM', 'AWS', 'HSI', 'ERO', 'CPD', 'DOI'):
        ou = ou + 'U'
    return ou


# --------------------------------------------------------------------------
# People

class Person:
    def __init__(self):
        self.first = self.middle = self.last = None
        self.kind = None          # 'agency' | 'vendor' | 'other' | 'public'
        self.entity = None        # canonical entity name (agency or vendor)
        self.org = None           # organisation display name
        self.org_long = None
        self.domain = None
        self.address = None
        self.personal = None      # personal account address (or None)
        self.title = None
        self.unit = None
        self.phone = None
        self.cell = None
        self.zone = 'eastern'
        self.key = None
        self.sig_style = 0
        self.org_address = None
        self.notes_name = None

    @property
    def name(self):
        if self.middle:
            return '%s %s %s' % (self.first, self.middle, self.last)
        return '%s %s' % (self.first, self.last)

    def last_first(self):
        if self.middle:
            return '%s, %s %s' % (self.last, self.first, self.middle)
        return '%s, %s' % (self.last, self.first)


class Contact:
    """One person at one address (a person may write from two)."""

    def __init__(self, person, address):
        self.person = person
        self.address = address
        self.key = (person.key, address)

    @property
    def personal(self):
        return self.address.split('@')[1] in PERSONAL_DOMAINS


def _phone(rng, area):
    if area.startswith('+'):
        return '%s %d %d' % (area, rng.randint(100, 999), rng.randint(1000, 9999))
    return '(%s) 555-%04d' % (area, rng.randint(100, 199))


class Cast:
    def __init__(self, rng, allow_intl):
        self.rng = rng
        self.allow_intl = allow_intl
        self.people = []
        self.used_names = set()

    def _name(self, intl_bias=0.12):
        rng = self.rng
        for _ in range(200):
            first = rng.choice(FIRST)
            last = rng.choice(LAST)
            r = rng.random()
            if r < intl_bias:
                first = rng.choice(FIRST_INTL)
            r = rng.random()
            if r < intl_bias:
                last = rng.choice(LAST_INTL)
            elif r < intl_bias + 0.04:
                last = rng.choice(LAST_PARTICLE)
            middle = None
            if rng.random() < 0.12:
                middle = rng.choice('ABCDEFGHJKLMPRSTW') + '.'
            full = first + ' ' + last
            if not self.allow_intl and not latin1_ok(full):
                continue
            if full in self.used_names or last in self.used_lasts():
                continue
            self.used_names.add(full)
            return first, middle, last
        raise RuntimeError('names exhausted')

    def used_lasts(self):
        return {p.last for p in self.people}

    def _address(self, p, style):
        f, l = addr_part(p.first), addr_part(p.last)
        m = addr_part(p.middle or '') or 'j'
        if style == 'first.last':
            local = '%s.%s' % (f, l)
        elif style == 'flast':
            local = f[0] + l
        elif style == 'first.m.last':
            local = '%s.%s.%s' % (f, m[0], l)
        elif style == 'first':
            local = f
        elif style == 'first_last':
            local = '%s_%s' % (f, l)
        else:
            local = '%s%s' % (l, f[0])
        return local + '@' + p.domain

    def _personal_address(self, p):
        rng = self.rng
        f, l = addr_part(p.first), addr_part(p.last)
        pat = rng.choice(['{f}{l}{n}', '{f}.{l}{n}', '{fi}{l}{n}', 'det.{l}', '{l}.{f}', '{f}{l}.nyc', '{fi}{l}{y}'])
        local = pat.format(f=f, l=l, fi=f[0], n=rng.choice(['', str(rng.randint(1, 99))]),
                           y=rng.randint(62, 99))
        return local + '@' + rng.choice(PERSONAL_DOMAINS)

    def add_agency_person(self, agency, unit=None, personal_prob=0.0):
        rng = self.rng
        info = AGENCY_INFO[agency]
        p = Person()
        p.first, p.middle, p.last = self._name()
        p.kind, p.entity = 'agency', agency
        p.org = agency
        p.org_long = info[3]
        p.domain = rng.choice(AGENCY_DOMAINS[agency])
        style = rng.choice(['first.last', 'first.last', 'flast', 'first.m.last', 'lastf'])
        p.address = self._address(p, style)
        p.title = rng.choice(TITLES[info[0]])
        p.unit = unit or rng.choice(info[2])
        p.phone = _phone(rng, rng.choice(info[5]))
        p.cell = _phone(rng, rng.choice(['917', '347', '646', '201'])) if rng.random() < 0.5 else None
        p.zone = info[1]
        p.org_address = rng.choice(info[4])
        p.key = len(self.people)
        p.sig_style = rng.randint(0, 3)
        p.notes_name = '%s %s/%s/%s@%s' % (p.first, p.last, ou_abbrev(p.unit),
                                           re.sub(r'[^A-Za-z]', '', agency)[:6].upper(),
                                           re.sub(r'[^A-Za-z]', '', agency)[:6].upper())
        if rng.random() < personal_prob:
            p.personal = self._personal_address(p)
        self.people.append(p)
        return p

    def add_vendor_person(self, vendor):
        rng = self.rng
        doms = VENDOR_DOMAINS[vendor]
        zone, names, prods, area = VENDOR_INFO[vendor]
        p = Person()
        p.first, p.middle, p.last = self._name()
        p.kind, p.entity = 'vendor', vendor
        p.org = vendor
        p.org_long = vendor
        p.domain = doms[0] if rng.random() < 0.8 else rng.choice(doms)
        p.address = self._address(p, rng.choice(['first', 'first.last', 'first.last', 'flast']))
        p.title = rng.choice(VENDOR_TITLES)
        p.unit = None
        p.phone = _phone(rng, area)
        p.cell = None
        p.zone = zone
        p.key = len(self.people)
        p.sig_style = rng.randint(0, 3)
        p.notes_name = None
        self.people.append(p)
        return p

    def add_other_person(self, org=None):
        rng = self.rng
        org = org or rng.choice(OTHER_ORGS)
        p = Person()
        p.first, p.middle, p.last = self._name()
        p.kind, p.entity = 'other', None
        p.org, p.org_long = org[0], org[0]
        p.domain = org[1]
        p.address = self._address(p, rng.choice(['first.last', 'flast']))
        p.title = rng.choice(org[3])
        p.phone = _phone(rng, '212')
        p.zone = 'eastern'
        p.key = len(self.people)
        p.sig_style = rng.randint(0, 3)
        p.otherkind = org[2]
        self.people.append(p)
        return p

    def add_public_person(self):
        """A private citizen / requester writing from a personal account only."""
        rng = self.rng
        p = Person()
        p.first, p.middle, p.last = self._name()
        p.kind = 'public'
        p.org = p.org_long = None
        p.domain = None
        p.address = self._personal_address(p)
        p.title = None
        p.phone = _phone(rng, rng.choice(['917', '347', '718']))
        p.zone = 'eastern'
        p.key = len(self.people)
        p.sig_style = rng.randint(0, 3)
        self.people.append(p)
        return p


# --------------------------------------------------------------------------
# Text bank.  [[...]] marks a span a redactor would black out.

PRECINCTS = ['the 75th Precinct', 'the 44th Precinct', 'PSA 2', 'Transit District 4', 'the 120th Precinct',
             'the 32nd Precinct', 'the 103rd Precinct', 'Manhattan North', 'Brooklyn South', 'the 19th Precinct']
CRIMES = ['a robbery pattern', 'a grand larceny', 'a shooting', 'an assault on a bus operator',
          'a string of package thefts', 'a hit-and-run', 'a credit card fraud ring', 'a burglary pattern',
          'a missing person case', 'an identity theft complaint', 'a subway slashing']
PLACES = ['One Police Plaza, 11th floor', 'the RTCC', 'our office at 1250 Broadway', 'the conference room on 8',
          '26 Federal Plaza', 'the Brooklyn Navy Yard office', 'your office', 'the training center in College Point',
          'the DA\'s office at One Hogan Place', 'a conference room at 100 Church Street']
DOCS = ['the draft MOU', 'the trial agreement', 'the revised quote', 'the audit log export', 'the user list',
        'the privacy impact assessment', 'the procurement memo', 'the sole source justification',
        'the pilot evaluation', 'the retention policy draft', 'the training deck', 'the signed NDA']
SUBJS = ['The analyst on the late tour', 'Our contact at the vendor', 'The squad supervisor', 'Someone from Legal',
         'The precinct commander', 'The CO', 'Procurement', 'The IT security team', 'Their account manager',
         'One of the newer detectives', 'The night desk', 'The deputy inspector', 'Our budget office',
         'The team in the field office', 'The liaison from the DA']
VERBS = ['flagged', 'asked about', 'signed off on', 'pushed back on', 'reviewed', 'printed out', 'sent over',
         'questioned', 'found a typo in', 'wants a copy of', 'hasn\'t seen', 'is still waiting on', 'marked up']
OBJS = ['the retention language', 'the second batch of probe photos', 'the revised seat count',
        'the login report for {n} users', 'the draft MOU', 'the audit log export', 'the invoice for {price}',
        'page {n} of the contract', 'the quarterly usage numbers', 'the export from the case system',
        'the training sign-in sheet', 'the list of {n} pending requests', 'the old vendor comparison',
        'the memo from {month}', 'the spreadsheet with {n100} rows']
WHENS = ['on {weekday}', 'before roll call', 'late {weekday} night', 'after the {btime} meeting', 'this morning',
         'during the {month} demo', 'over the weekend', 'yesterday afternoon', 'at the end of the tour',
         'right before the holiday', 'first thing {weekday}']

GREETINGS = ['{rfirst},', 'Hi {rfirst},', 'Hello {rfirst},', 'Good morning,', 'Good afternoon {rfirst},', 'All,',
             'Team,', '{rfirst} -', 'Hey {rfirst},', 'Good evening,', None]
CLOSINGS = ['Thanks,', 'Thank you,', 'Best,', 'Regards,', 'Respectfully,', 'V/r,', 'Thanks again,',
            'Best regards,', 'Sincerely,', None]

TRAPS = [
    'The officers stayed vigilant through the whole detail, which the chief noticed.',
    'It has been a hive of activity here since the announcement.',
    'Bring a torch if you go down to the property room, the lights are out again.',
    'The old ibm terminals in the squad room are finally being replaced next month.',
    'This is a rank one priority for the front office, so please turn it around quickly.',
    'We need to stay vigilant about what gets uploaded from sealed matters.',
    'Somebody left an ibm keyboard in the lobby again, no idea whose it is.',
    'The hallway was a hive of activity after the briefing.',
    'He called it a torch-passing moment for the unit, which was a bit much.',
    'We had a clear view of the entrance from the pole camera, but the angle was poor.',
    'The lab tech mentioned axon regeneration research at the same conference, unrelated to us.',
    'Keep the team vigilant on the weekend tours, we are short two people.',
]
LABEL_LINES = [
    'Note: bring ID to the front desk, visitors are not pre-registered.',
    'Re: your call this morning - yes, that works for us.',
    'Note: the room changed to {place}.',
    'When: {weekday}, {bdate} {btime}',
    'Where: {place}',
    'Dial-in: (888) 555-01{n2}, access code {code}#',
    'Re: the invoice - procurement says it is fine as submitted.',
    'PS: the meeting on {bdate} is still on.',
    'Action item: send {doc} to Legal by {bdate}.',
]

TOPICS = {}

TOPICS['trial'] = dict(
    subjects=['Trial accounts', '{v} trial', 'Trial account for {unit}', 'Access to {v}', '{v} - free trial',
              'Login for the {v} trial', 'Trial extension', 'Searches this week',
              'Following up on the {v} trial for {unit} and next steps on pricing and user accounts',
              'Question about the {v} trial terms, data retention, and whether searches are logged for audit'],
    open=['I set up [[{n}]] trial accounts for your team this morning; log-in details will come from {v} support.',
          'The trial runs through {bdate} and there is no limit on searches during that period.',
          'See if you can reach {n100} searches before the end of the week - the more you run, the better the results get.',
          'Several detectives in {unit} have already run probe images from open cases with good results.',
          'Can you send me the list of users who should get access? I need name, rank and tax number for each.',
          'Attached is the user guide and a one-page summary of the trial terms.',
          'Happy to jump on a call with your team to walk through {prod} whenever works.',
          'We have been working with a few other departments in the region and the feedback has been strong.',
          'Please use your department email to sign in, not a personal address.'],
    reply=['Thanks, the accounts are working. [[{n}]] of our people logged in yesterday.',
           'One of our analysts got a hit on [[{crime} in {pct}]] within ten minutes.',
           'Our legal team has not reviewed the terms yet, so please hold off on anything from sealed cases.',
           'A few users are running it on personal phones because the department devices block the download.',
           'Can you extend the trial through {bdate}? We are still waiting on sign-off from {boss}.',
           'We are at about {n100} searches so far across the unit.',
           'Please add [[{pname}]] to the user list, same permissions as the others.',
           'Understood. I will keep track of any positive identifications for the summary.',
           'Got it - I will pass that along to the team.'],
)
TOPICS['procurement'] = dict(
    subjects=['Quote for {prod}', 'Pricing', 'Purchase order {po}', 'Sole source justification - {v}',
              'Invoice {inv}', 'Contract renewal', 'Budget request FY{fy} - facial recognition',
              'Revised quote for {n} additional licenses, annual support, and on-site training for {unit}',
              '{v} pricing for {n} seats', 'Procurement question re: {v} license'],
    open=['Attached is the revised quote for [[{n}]] seats at {price} per seat per year.',
          'Procurement needs a sole source justification before we can issue the purchase order.',
          'The annual license would come to {price2}, including support and training.',
          'We can hold the current pricing through {bdate} if the PO is issued before then.',
          'Can you confirm whether the price includes the on-premises option or only the hosted version?',
          'The budget office approved the request under the FY{fy} technology line.',
          'We compared the offer against {v2} and the difference was mostly in support costs.'],
    reply=['The PO number is [[{po}]]; invoices should reference it.',
           'Finance flagged that the quote expired on {bdate}, please send an updated one.',
           'We will need a W-9 and proof of insurance before the vendor can be set up.',
           'I can get the signed copy back to you by {weekday}.',
           'Sounds good. I will route it to {boss} for signature.',
           'Do you have a reference from another agency we can call?'],
)
TOPICS['meeting'] = dict(
    subjects=['Meeting', 'Meeting {bshort}', 'Demo at {place_short}', 'Follow up from today', 'Call tomorrow?',
              'Agenda for {weekday}', 'Introduction', 'Catching up', 'Visit to {place_short}'],
    open=['Would you be available to meet on {bdate} at {btime}? We can host at {place}.',
          'It was good to meet you at the conference last week.',
          'I would like to introduce you to [[{pname}]], who runs the investigative side here.',
          'We can do a live demo of {prod} with a few sample images if that helps.',
          'Please let me know who from your side will attend so I can put them on the visitor list.',
          'The meeting on {bdate} is confirmed; we will have about {n} people in the room.'],
    reply=['{weekday} works for us. We will bring [[{n}]] people.',
           'Can we push it to {bdate}? {boss} has a conflict.',
           'Thanks for taking the time today, the team was impressed.',
           'I will send a calendar invite with the dial-in.',
           'Looking forward to it.',
           'We will need the room for about an hour.'],
)
TOPICS['case'] = dict(
    subjects=['Request for FR search - Complaint #{case}', 'Possible match', 'FR request {case}',
              'Probe image - {crime_short}', 'Search results for {pct_short}', 'Facial recognition lead',
              'Urgent: FR search needed', 'Results'],
    open=['Requesting a facial recognition search for complaint [[#{case}]], {crime} in {pct}.',
          'Probe image attached - it is a still from a bodega camera, so the quality is not great.',
          'The subject was seen on [[{street}]] around {btime} on {bdate}.',
          'Can you run this through {prod} and the mugshot database and let me know?',
          'The victim gave a description but we have no name yet.'],
    reply=['Possible match returned for [[{pname2}]] - treat as an investigative lead only, not probable cause.',
           'No match above the threshold. The image resolution was too low.',
           'We got [[{n}]] candidates; the top one has a prior arrest in {pct}.',
           'Please fill out the request form so we have it documented.',
           'Forwarded to the analyst on duty, you should hear back today.',
           'The lead sheet is attached. Please do not include it in the case folder.'],
)
TOPICS['ice'] = dict(
    subjects=['Referral', 'Possible match - ERO request', 'Information request from HSI', 'Subject inquiry',
              'Detainer question', 'Request for assistance', 'Shared access'],
    open=['HSI New York has asked whether we can run a probe image for one of their targets.',
          'Forwarding a possible match for a subject [[{pname2}]] with a pending removal order.',
          'ERO would like to know if the subject has any local arrests since {bdate}.',
          'Our field office is evaluating {prod} and would like to hear about your experience.',
          'We are trying to locate [[{pname2}]], last known address in {borough}.'],
    reply=['We cannot share results directly; the request has to go through the liaison.',
           'Per policy we do not run searches for civil immigration matters.',
           'I checked with Legal and they want the request in writing.',
           'The subject has [[{n}]] prior arrests, I will send the sheet separately.',
           'Copying [[{pname}]] who handles the federal task force requests.'],
)
TOPICS['foil'] = dict(
    subjects=['FOIL Request {foil}', 'Records request - facial recognition', 'Your FOIL request {foil}',
              'FOIA Request {foia}', 'Extension of time - {foil}', 'Request for records regarding {v}',
              'Acknowledgement of your request'],
    open=['Pursuant to the New York Freedom of Information Law, I request copies of all records relating to the use of {v} by the department.',
          'This includes emails, contracts, invoices, training materials and audit logs from {year} to the present.',
          'I ask that fees be waived, as the records are sought in the public interest.',
          'Please let me know if any part of the request is unclear.',
          'If you deny any part of this request, please cite the specific exemption relied on.'],
    reply=['Your request has been assigned {foil}. A response is expected within twenty business days.',
           'We need additional time to locate and review responsive records; we expect to respond by {bdate}.',
           'Portions of the records have been withheld because disclosure would interfere with law enforcement investigations.',
           'Some records were withheld because they would identify confidential sources.',
           'The first interim release of {n} pages is attached.',
           'You may appeal this determination within thirty days to the Records Access Appeals Officer.'],
)
TOPICS['press'] = dict(
    subjects=['Media inquiry', 'Request for comment', 'Questions about facial recognition', 'Story on {v}',
              'Inquiry from {org}', 'Council oversight hearing', 'Follow up questions'],
    open=['I am working on a story about the use of {v} by local police and wanted to ask a few questions.',
          'Has the department signed a contract with {v}, or was it only a trial?',
          'How many officers had access, and is there a written policy on its use?',
          'My deadline is {weekday} at 5 PM.',
          'The committee is preparing for the oversight hearing on {bdate} and would like a briefing.'],
    reply=['Please direct all media inquiries to DCPI.',
           'We do not comment on specific investigative tools.',
           'I will check and get back to you before your deadline.',
           'Loop in [[{pname}]] from Legal before anyone responds.',
           'Draft response below, let me know if you want changes.'],
)
TOPICS['tech'] = dict(
    subjects=['Integration question', 'API keys', 'Account deactivation', 'Image quality issue',
              'Login problems', 'Export from {v2}', 'Server access', 'Update to {prod}'],
    open=['Several users are getting an error when they upload images larger than {n} MB.',
          'Can {prod} connect to the mugshot repository directly, or do we need to export?',
          'IT security wants to know where the images are stored and for how long.',
          'We need to deactivate [[{n}]] accounts for officers who transferred out.',
          'The connection to {v2} drops every few hours since the last update.'],
    reply=['Images are stored encrypted for thirty days and then deleted.',
           'The new release fixes the upload error, please have users log out and back in.',
           'Done - the accounts are deactivated.',
           'Our engineer can schedule a screen share on {weekday}.',
           'We recommend a direct integration; the export approach loses the metadata.'],
)
TOPIC_LIST = list(TOPICS.keys())

FWD_NOTES = ['See below.', 'FYI - see the thread below.', 'Forwarding for your awareness.', 'Please see below and advise.',
             'Can you handle this one?', 'Adding you to this thread.', 'See the message below from {sfirst2}.',
             'For your records.', 'Passing this along - let me know what you think.', 'Please review before we respond.']


def fill(rng, tmpl, slots):
    """Fill {slot} placeholders; slots may be callables (drawn each time)."""
    def rep(m):
        k = m.group(1)
        v = slots.get(k)
        if callable(v):
            return v()
        if v is None:
            return m.group(0)
        return v
    return re.sub(r'\{(\w+)\}', rep, tmpl)


def make_slots(rng, ctx, msg_dt, sender, rcpt):
    """Slot values for one message. ctx: file context (vendor/agency etc)."""
    def bdate():
        d = msg_dt.local + dt.timedelta(days=rng.randint(-40, 40))
        if rng.random() < 0.7:
            return '%s %d, %d' % (MONTHS[d.month - 1], d.day, d.year)
        return '%d/%d' % (d.month, d.day)

    def btime():
        return '%d:%s %s' % (rng.randint(1, 11), rng.choice(['00', '30', '15', '45']), rng.choice(['AM', 'PM']))

    def pname():
        return '%s %s' % (rng.choice(FIRST), rng.choice(LAST))

    v = ctx['vendor']
    vinfo = VENDOR_INFO.get(v, ('eastern', [v], ['the product'], '212'))
    v2 = ctx['vendor2']
    v2info = VENDOR_INFO.get(v2, ('eastern', [v2], ['the product'], '212'))
    slots = {
        'v': lambda: rng.choice(vinfo[1]),
        'v2': lambda: rng.choice(v2info[1]),
        'prod': lambda: rng.choice(vinfo[2]),
        'unit': ctx['unit'],
        'n': lambda: str(rng.randint(2, 30)),
        'n2': lambda: '%02d' % rng.randint(0, 99),
        'code': lambda: str(rng.randint(1000, 9999)),
        'n100': lambda: str(rng.choice([50, 100, 100, 150, 200, 250, 500, 1000])),
        'price': lambda: '$%s' % format(rng.choice([500, 1200, 1995, 2000, 2500, 4800, 6000]), ','),
        'price2': lambda: '$%s' % format(rng.randint(20, 400) * 250, ','),
        'bdate': bdate, 'btime': btime,
        'bshort': lambda: bdate() if rng.random() < 0.5 else rng.choice(DAYS[:5]),
        'weekday': lambda: rng.choice(DAYS[:5]),
        'month': lambda: rng.choice(MONTHS),
        'year': str(msg_dt.local.year - rng.randint(1, 3)),
        'place': lambda: rng.choice(PLACES),
        'place_short': lambda: rng.choice(['1PP', 'RTCC', 'HQ', 'the DA\'s office', 'Federal Plaza', 'our office']),
        'case': lambda: '%d-%03d-%05d' % (msg_dt.local.year, rng.randint(1, 123), rng.randint(100, 99999)),
        'crime': lambda: rng.choice(CRIMES),
        'crime_short': lambda: rng.choice(['robbery', 'GLA', 'assault', 'burglary', 'fraud', 'shooting']),
        'pct': lambda: rng.choice(PRECINCTS),
        'pct_short': lambda: rng.choice(['75 Pct', '44 Pct', 'PSA 2', 'TD 4', '120 Pct', 'Bklyn South']),
        'street': lambda: rng.choice(['Fulton Street', 'Grand Concourse', 'Broadway and 145th',
                                      'Flatbush Avenue', 'Jamaica Avenue', 'Myrtle Avenue']),
        'borough': lambda: rng.choice(['the Bronx', 'Queens', 'Brooklyn', 'Staten Island', 'Manhattan']),
        'pname': pname, 'pname2': pname,
        'boss': ctx['boss'],
        'po': lambda: 'PO-%d-%05d' % (msg_dt.local.year % 100, rng.randint(10, 99999)),
        'inv': lambda: 'INV-%05d' % rng.randint(1000, 99999),
        'fy': str(msg_dt.local.year % 100 + 1),
        'foil': ctx['foil'], 'foia': ctx['foia'],
        'org': lambda: rng.choice(OTHER_ORGS)[0],
        'doc': lambda: rng.choice(DOCS),
        'rfirst': rcpt.first if rcpt else 'all',
        'sfirst2': lambda: rng.choice(FIRST),
    }
    return slots


# A protected span is never chosen for a random redaction, so every body keeps
# at least one sentence that can serve as its unique phrase.
PROTECT_ON, PROTECT_OFF = '\x02', '\x03'


def detail_sentence(rng, slots):
    t = '%s %s %s %s.' % (rng.choice(SUBJS), rng.choice(VERBS), rng.choice(OBJS), rng.choice(WHENS))
    return fill(rng, t, slots)


def signature_lines(rng, person, contact, ctx):
    """Signature as list of strings ([[..]] marks redactable phone lines)."""
    p = person
    lines = []
    rank = p.title if p.kind == 'agency' and p.title in RANK_WORDS else None
    if contact.personal and p.kind == 'agency':
        # personal account: sign with the agency so a reader knows who it is
        name = ('%s %s' % (rank, p.name)) if rank else p.name
        style = rng.randint(0, 2)
        if style == 0:
            lines.append('%s / %s %s' % (name, p.org, p.unit))
        elif style == 1:
            lines += [name, '%s, %s' % (p.unit, p.org)]
        else:
            lines += [name, p.org_long if rng.random() < 0.5 else p.org]
        if rng.random() < 0.4:
            lines.append('Sent from my iPhone')
        return lines
    if p.kind == 'public':
        if rng.random() < 0.6:
            lines.append(p.name)
        if rng.random() < 0.3:
            lines.append('[[%s]]' % p.phone)
        return lines
    st = p.sig_style
    if st == 0:
        lines.append(p.name)
        return lines
    if p.kind == 'agency':
        if rank:
            lines.append('%s %s' % (rank, p.name) if st != 3 else p.name)
            if st == 3:
                lines.append(RANK_WORDS[rank])
        else:
            lines.append(p.name)
            if p.title:
                lines.append(p.title)
        lines.append(p.unit)
        lines.append(p.org_long)
        if st >= 2 and p.org_address:
            lines.append(p.org_address)
        lines.append('Office: %s' % p.phone if st == 2 else p.phone)
        if p.cell and st >= 2:
            lines.append('Cell: [[%s]]' % p.cell)
    elif p.kind == 'vendor':
        lines.append(p.name)
        lines.append(p.title)
        lines.append(p.org if st != 2 else ('%s | %s' % (p.org, p.domain)))
        lines.append('[[%s]]' % p.phone if st == 3 else p.phone)
    else:
        lines.append(p.name)
        if p.title:
            lines.append(p.title)
        lines.append(p.org)
        lines.append(p.phone)
    return lines


# --------------------------------------------------------------------------
# Messages and threads

class Msg:
    def __init__(self):
        self.sender = None     # Contact
        self.to = []           # [Contact]
        self.cc = []
        self.bcc = []
        self.stamp = None      # Stamp (in sender's zone)
        self.subject = None
        self.paras = []        # [(kind, text)] kind: 'wrap' | 'line'; text has [[..]] marks
        self.quote = None      # Msg quoted (predecessor)
        self.kind = 'new'      # new | reply | forward
        self.thread = None
        self.importance = False
        self.attachments = []
        self.hidden_addr = set()  # contact keys whose address is boxed in headers
        self.file_index = None
        self.force_new_page = False
        self.run_id = None
        self.body_words = None  # filled later: list of paragraphs of words (pieces)


def prefix_subject(rng, subj, kind, style):
    if kind == 'new':
        return subj
    if kind == 'reply':
        p = {'outlook': 'RE: ', 'lower': 'Re: ', 'caps': 'RE: '}[style]
    else:
        p = {'outlook': 'FW: ', 'lower': 'Fwd: ', 'caps': 'FW: '}[style]
    if subj.startswith(p) and rng.random() < 0.85:
        return subj
    return p + subj


def compose_body(rng, msg, topic, ctx, long_body, traps_on):
    """Return list of paragraphs (kind, text)."""
    sender = msg.sender.person
    rcpt = msg.to[0].person if msg.to else None
    slots = make_slots(rng, ctx, msg.stamp, sender, rcpt)
    T = TOPICS[topic]
    paras = []
    g = rng.choice(GREETINGS)
    if g and msg.kind != 'forward' or (g and rng.random() < 0.3):
        paras.append(('greet', fill(rng, g, slots)))
    if msg.kind == 'forward':
        paras.append(('wrap', fill(rng, rng.choice(FWD_NOTES), slots)))
        paras.append(('wrap', PROTECT_ON + detail_sentence(rng, slots) + PROTECT_OFF))
    else:
        bank = T['open'] if msg.kind == 'new' else T['reply']
        other = T['reply'] if msg.kind == 'new' else T['open']
        npara = rng.choice([1, 1, 2, 2, 3]) if not long_body else rng.randint(3, 6)
        used = set()

        def pick(b):
            free = [t for t in b if t not in used]
            if not free:
                return detail_sentence(rng, slots)
            t = rng.choice(free)
            used.add(t)
            return fill(rng, t, slots)

        for i in range(npara):
            k = rng.randint(1, 3) if not long_body else rng.randint(2, 5)
            sents = []
            for _ in range(k):
                r = rng.random()
                if r < 0.55:
                    sents.append(pick(bank))
                elif r < 0.7:
                    sents.append(pick(other))
                else:
                    sents.append(detail_sentence(rng, slots))
            if i == 0:
                sents.append(PROTECT_ON + detail_sentence(rng, slots) + PROTECT_OFF)
            if traps_on and rng.random() < 0.18:
                sents.insert(rng.randint(1, len(sents)), rng.choice(TRAPS))
            # de-duplicate sentences within a paragraph
            seen, uniq = set(), []
            for s in sents:
                if s not in seen:
                    seen.add(s)
                    uniq.append(s)
            paras.append(('wrap', ' '.join(uniq)))
            if traps_on and rng.random() < 0.12:
                paras.append(('line', fill(rng, rng.choice(LABEL_LINES), slots)))
        if long_body and rng.random() < 0.5:
            for _ in range(rng.randint(2, 5)):
                paras.append(('line', '- ' + detail_sentence(rng, slots)))
    c = rng.choice(CLOSINGS)
    if c:
        paras.append(('line', c))
    for ln in signature_lines(rng, sender, msg.sender, ctx):
        paras.append(('sig', ln))
    return paras


def vendor_mentions(text, entities):
    """Vendors named in `text` by canonical name or alias, case-sensitive, whole
    words; overlapping matches resolve to the longest ("Amazon Rekognition"
    names that vendor only, not also "Amazon")."""
    hits = []
    for e in entities:
        if e.type != 'vendor':
            continue
        for nm in [e.name] + e.aliases:
            if not nm:
                continue
            tail = r'(?![A-Za-z0-9])' if nm[-1].isalnum() else ''
            pat = r'(?<![A-Za-z0-9])' + re.escape(nm) + tail
            for mt in re.finditer(pat, text):
                hits.append((mt.start(), mt.end(), e.name))
    hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
    taken = []
    found = []
    for a, b, name in hits:
        if any(a < y and x < b for x, y in taken):
            continue
        taken.append((a, b))
        if name not in found:
            found.append(name)
    return found


def domain_entities(addresses, entities, etype):
    """Each address belongs to the entity with the most specific domain that matches it
    (an ice.dhs.gov address is ICE's, not also DHS's); entities in list order."""
    owners = set()
    for a in addresses:
        dom = a.split('@')[-1].lower()
        best = None
        for e in entities:
            for d in e.domains:
                if (dom == d or dom.endswith('.' + d)) and (best is None or len(d) > best[0]):
                    best = (len(d), e)
        if best and best[1].type == etype:
            owners.add(best[1].name)
    return [e.name for e in entities if e.type == etype and e.name in owners]
