"""Hand-written word lists for the synthetic corpus (our own work, released with the project).

Real cities, countries and well-known organisations are public facts; person names come from Faker (MIT) locale
lists plus the romanised lists below, which cover cultures Faker only offers in non-Latin script.
"""

# Faker locales whose name lists are sampled; romanised variants are used where Faker has them.
NAME_LOCALES = [
    'en_US', 'en_GB', 'en_IE', 'en_AU', 'en_CA', 'en_IN', 'en_PK', 'en_PH', 'de_DE', 'de_AT', 'fr_FR', 'fr_CA',
    'es_ES', 'es_MX', 'es_AR', 'es_CO', 'it_IT', 'nl_NL', 'nl_BE', 'pt_BR', 'pt_PT', 'pl_PL', 'cs_CZ', 'sk_SK',
    'hu_HU', 'ro_RO', 'hr_HR', 'sl_SI', 'sv_SE', 'no_NO', 'da_DK', 'fi_FI', 'et_EE', 'lt_LT', 'lv_LV', 'tr_TR',
    'az_AZ', 'id_ID', 'fil_PH', 'vi_VN', 'yo_NG', 'zu_ZA', 'tw_GH', 'sw', 'ga_IE', 'sq_AL', 'mt_MT',
]
# Non-Latin scripts appear in a small share of examples so the model sees them without the vocabulary drowning.
SCRIPT_LOCALES = ['ru_RU', 'uk_UA', 'el_GR', 'ar_AA', 'he_IL', 'hi_IN', 'ja_JP', 'zh_CN', 'ko_KR', 'th_TH']
ROMANIZED_LOCALES = ['ja_JP', 'zh_CN']

ARABIC_GIVEN = ['Ahmed', 'Mohammed', 'Omar', 'Youssef', 'Khalid', 'Fatima', 'Aisha', 'Layla', 'Nour', 'Hassan',
                'Hussein', 'Karim', 'Samir', 'Rania', 'Yasmin', 'Tariq', 'Zainab', 'Ibrahim', 'Mariam', 'Faisal',
                'Abdullah', 'Salma', 'Hamza', 'Leila', 'Mustafa', 'Amira', 'Bilal', 'Dalia', 'Jamal', 'Huda']
ARABIC_FAMILY = ['Haddad', 'Nasser', 'Khoury', 'Mansour', 'Saleh', 'Aziz', 'Farouk', 'Hamdan', 'Qureshi',
                 'Rahman', 'Abboud', 'Darwish', 'Tamimi', 'Shaheen', 'Barakat', 'Suleiman', 'Obeid', 'Karam']
ARABIC_PARTICLED = ['al-Rashid', 'al-Masri', 'al-Amin', 'el-Sayed', 'al-Hakim', 'bin Laden', 'bin Salman',
                    'al-Tamimi', 'Abu Bakr', 'al-Najjar', 'el-Baz', 'Abdel-Fattah', 'ibn Rashid']
SOUTH_ASIAN_GIVEN = ['Priya', 'Rahul', 'Ananya', 'Vikram', 'Deepika', 'Arjun', 'Sanjay', 'Lakshmi', 'Imran',
                     'Ayesha', 'Nikhil', 'Sunita', 'Ravi', 'Meera', 'Kiran', 'Farhan', 'Divya', 'Harpreet']
SOUTH_ASIAN_FAMILY = ['Ramanathan', 'Patel', 'Sharma', 'Iyer', 'Chatterjee', 'Reddy', 'Nair', 'Khan', 'Gupta',
                      'Singh', 'Banerjee', 'Krishnamurthy', 'Chaudhry', 'Menon', 'Siddiqui', 'Venkatesan']
EAST_ASIAN_GIVEN = ['Wei', 'Mei', 'Hiroshi', 'Yuki', 'Min-jun', 'Seo-yeon', 'Jian', 'Xiao', 'Haruto', 'Sakura',
                    'Ji-woo', 'Thanh', 'Linh', 'Minh', 'Kenji', 'Aiko', 'Jun', 'Hyun-woo']
EAST_ASIAN_FAMILY = ['Zhang', 'Wang', 'Li', 'Chen', 'Nakamura', 'Tanaka', 'Kim', 'Park', 'Choi', 'Nguyen',
                     'Tran', 'Liu', 'Huang', 'Yamamoto', 'Sato', 'Lee', 'Pham', 'Watanabe']
AFRICAN_GIVEN = ['Chinedu', 'Ngozi', 'Kwame', 'Amara', 'Oluwaseun', 'Thabo', 'Wanjiru', 'Kofi', 'Abebe',
                 'Folasade', 'Sipho', 'Chiamaka', 'Emeka', 'Nia', 'Tendai', 'Zodwa', 'Yaw', 'Adaeze']
AFRICAN_FAMILY = ['Okafor', 'Mensah', 'Adeyemi', 'Nkosi', 'Kamau', 'Okonkwo', 'Boateng', 'Tesfaye', 'Diallo',
                  'Mwangi', 'Achebe', 'Osei', 'Dlamini', 'Abiodun', 'Keita', 'Ndlovu', 'Eze', 'Banda']
EUROPEAN_PARTICLED = ['van der Berg', 'van Dijk', 'de Vries', 'van den Broek', 'de la Cruz', 'de Souza',
                      'da Silva', 'dos Santos', 'von Trapp', 'von Richter', 'di Marco', 'del Rio', "O'Connor",
                      "O'Brien", 'McAllister', 'MacLeod', 'Le Blanc', 'de Jong', 'ter Horst', 'van Houten',
                      'Fitzgerald', 'du Pont', 'St. Clair', 'de Luca']

TITLES = ['Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Prof.', 'Mr', 'Mrs', 'Ms', 'Dr', 'Judge', 'Officer', 'Detective',
          'Nurse', 'Captain', 'Sgt.', 'Rev.', 'Sister', 'Coach', 'Agent', 'Senator', 'Madam', 'Sir']

CITIES = ['London', 'Paris', 'Berlin', 'Madrid', 'Rome', 'Lisbon', 'Amsterdam', 'Brussels', 'Vienna', 'Prague',
          'Warsaw', 'Budapest', 'Athens', 'Dublin', 'Edinburgh', 'Manchester', 'Birmingham', 'Glasgow', 'Leeds',
          'Munich', 'Hamburg', 'Frankfurt', 'Cologne', 'Zurich', 'Geneva', 'Lyon', 'Marseille', 'Barcelona',
          'Seville', 'Milan', 'Naples', 'Turin', 'Stockholm', 'Oslo', 'Copenhagen', 'Helsinki', 'Reykjavik',
          'Moscow', 'Kyiv', 'Istanbul', 'Ankara', 'Cairo', 'Lagos', 'Nairobi', 'Accra', 'Addis Ababa',
          'Johannesburg', 'Cape Town', 'Casablanca', 'Tunis', 'Dubai', 'Abu Dhabi', 'Riyadh', 'Doha', 'Tehran',
          'Karachi', 'Lahore', 'Mumbai', 'Delhi', 'New Delhi', 'Bangalore', 'Bengaluru', 'Chennai', 'Kolkata',
          'Hyderabad', 'Dhaka', 'Colombo', 'Kathmandu', 'Bangkok', 'Hanoi', 'Ho Chi Minh City', 'Manila',
          'Jakarta', 'Kuala Lumpur', 'Singapore', 'Hong Kong', 'Shanghai', 'Beijing', 'Shenzhen', 'Taipei',
          'Seoul', 'Busan', 'Tokyo', 'Osaka', 'Kyoto', 'Sydney', 'Melbourne', 'Brisbane', 'Perth', 'Auckland',
          'Wellington', 'New York', 'New York City', 'Los Angeles', 'Chicago', 'Houston', 'Phoenix',
          'Philadelphia', 'San Antonio', 'San Diego', 'Dallas', 'San Francisco', 'Seattle', 'Denver', 'Boston',
          'Atlanta', 'Miami', 'Detroit', 'Minneapolis', 'Portland', 'Austin', 'Nashville', 'Baltimore',
          'Pittsburgh', 'Cleveland', 'St. Louis', 'Kansas City', 'Salt Lake City', 'Las Vegas', 'Orlando',
          'Tampa', 'Raleigh', 'Toronto', 'Montreal', 'Vancouver', 'Calgary', 'Ottawa', 'Mexico City',
          'Guadalajara', 'Monterrey', 'Bogota', 'Lima', 'Santiago', 'Buenos Aires', 'Sao Paulo', 'São Paulo',
          'Rio de Janeiro', 'Caracas', 'Quito', 'Havana', 'Kingston', 'Springfield', 'Fairview', 'Oakland',
          'Sacramento', 'Tucson', 'Albuquerque', 'Omaha', 'Boise', 'Anchorage', 'Honolulu', 'Bristol',
          'Cardiff', 'Belfast', 'Rotterdam', 'Utrecht', 'Antwerp', 'Ghent', 'Porto', 'Valencia', 'Bilbao',
          'Krakow', 'Gdansk', 'Bucharest', 'Sofia', 'Belgrade', 'Zagreb', 'Ljubljana', 'Tallinn', 'Riga', 'Vilnius']
REGIONS = ['California', 'Texas', 'Florida', 'Ohio', 'Oregon', 'New Jersey', 'Massachusetts', 'Bavaria',
           'Ontario', 'Quebec', 'Queensland', 'Punjab', 'Kerala', 'Catalonia', 'Tuscany', 'Scotland', 'Wales',
           'Yorkshire', 'Normandy', 'Lombardy', 'Andalusia', 'Gujarat', 'Lagos State', 'Gauteng', 'Hokkaido',
           'Silicon Valley', 'the Bay Area', 'Brooklyn', 'Queens', 'Manhattan', 'Kent', 'Surrey']

REAL_ORGS = ['Google', 'Microsoft', 'Amazon', 'Apple', 'IBM', 'Oracle', 'Deloitte', 'KPMG', 'Accenture',
             'Pfizer', 'Novartis', 'Siemens', 'Bosch', 'Toyota', 'Samsung', 'Infosys', 'Tata Consultancy Services',
             'HSBC', 'Barclays', 'Goldman Sachs', 'JPMorgan Chase', 'Wells Fargo', 'Bank of America',
             'Deutsche Bank', 'BNP Paribas', 'Unilever', 'Nestlé', 'Shell', 'BP', 'Airbus', 'Boeing', 'FedEx',
             'UPS', 'DHL', 'Walmart', 'Target', 'Costco', 'IKEA', 'Spotify', 'Netflix', 'Uber', 'Airbnb',
             'Salesforce', 'Stripe', 'PayPal', 'Visa', 'Mastercard', 'Kaiser Permanente', 'Mayo Clinic',
             'Red Cross', 'United Nations', 'World Health Organization', 'UNICEF', 'Reuters', 'BBC',
             'Stanford University', 'Harvard University', 'MIT', 'Oxford University', 'NHS', 'FBI', 'IRS',
             'European Commission', 'World Bank', 'Vodafone', 'Verizon', 'AT&T', 'Comcast', 'Ernst & Young']
ORG_SUFFIXES = ['Inc.', 'LLC', 'Ltd', 'Ltd.', 'Corp.', 'Corporation', 'GmbH', 'AG', 'S.A.', 'PLC', 'LLP',
                'Group', 'Holdings', 'Partners', 'Associates', '& Co.', 'B.V.', 'Pty Ltd']
ORG_WORDS = ['Northwind', 'Bluefin', 'Redwood', 'Summit', 'Horizon', 'Pinnacle', 'Ironclad', 'Silverline',
             'Brightpath', 'Cobalt', 'Evergreen', 'Lakeside', 'Keystone', 'Vertex', 'Meridian', 'Harbor',
             'Sterling', 'Atlas', 'Orion', 'Nimbus', 'Quantum', 'Crescent', 'Granite', 'Beacon', 'Falcon']
ORG_KINDS = ['Logistics', 'Analytics', 'Health', 'Dental', 'Legal', 'Insurance', 'Bank', 'Capital', 'Systems',
             'Software', 'Labs', 'Foods', 'Motors', 'Pharma', 'Energy', 'Consulting', 'Realty', 'Media',
             'Telecom', 'Airlines', 'Robotics', 'Biotech', 'Security', 'Solutions', 'Manufacturing']

# Hard negatives: capitalised words that are not names.
PRODUCTS = ['iPhone 15', 'iPhone', 'Galaxy S23', 'Pixel 8', 'Windows 11', 'Windows', 'Excel', 'PowerPoint',
            'Outlook', 'Word', 'Teams', 'Chrome', 'Firefox', 'Safari', 'Kindle', 'PlayStation 5', 'Xbox',
            'ThinkPad X1', 'MacBook Pro', 'AirPods', 'Tylenol', 'Advil', 'Ibuprofen', 'Lipitor', 'Metformin',
            'Zoom', 'Jira', 'Confluence', 'GitHub', 'Docker', 'Kubernetes', 'Postgres', 'Python', 'TypeScript',
            'Node', 'React', 'Terraform', 'Photoshop', 'Android', 'Linux', 'Ubuntu', 'Prime', 'Premium Plus',
            'Model 3', 'Corolla', 'Civic', 'Roomba', 'Echo Dot', 'Apple Watch', 'Surface Pro', 'Wi-Fi', 'Bluetooth',
            'VPN', 'SSO', 'Gold', 'Platinum', 'Basic', 'Pro', 'Enterprise']
COMMON_CAPS = ['Please', 'Thanks', 'Hello', 'Hi', 'Dear', 'Regards', 'Best', 'Cheers', 'Note', 'Update',
               'Urgent', 'Reminder', 'Summary', 'Action', 'Status', 'Resolved', 'Pending', 'Approved',
               'Invoice', 'Order', 'Ticket', 'Customer', 'Patient', 'Employee', 'Manager', 'Doctor',
               'Plaintiff', 'Defendant', 'Witness', 'Court', 'Exhibit', 'Section', 'Chapter', 'Monday',
               'Yes', 'No', 'Okay', 'Sure', 'Great', 'Also', 'However', 'Unfortunately', 'Attached',
               'Follow-up', 'Agenda', 'Budget', 'Revenue', 'Quarter', 'Team', 'Support', 'Sales', 'Engineering',
               'Finance', 'Human Resources', 'Legal', 'Marketing', 'Operations', 'North', 'South', 'East',
               'West', 'Spring', 'Summer', 'Autumn', 'Winter', 'Christmas', 'Easter', 'Ramadan', 'Diwali',
               'Bill', 'Will', 'May', 'June', 'Mark', 'Grace', 'Hope', 'Faith', 'Joy', 'Rose', 'Summer Sale',
               'Black Friday', 'Cyber Monday', 'Memorial Day', 'Labor Day', 'Claimant', 'Counsel', 'Tenant',
               'Trustee', 'Schedule', 'Paragraph', 'Regulation', 'Class', 'Private', 'Original', 'Third',
               'Global', 'Member', 'Account', 'Balance', 'Dispute', 'Refund', 'Chat', 'Email', 'Alert']
WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
            'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
          'November', 'December', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec']
CODE_IDENTIFIERS = ['getUserById', 'user_id', 'MAX_RETRIES', 'HttpClient', 'README.md', 'config.yaml',
                    'NullPointerException', 'ValueError', 'parseInvoice', 'OrderService', 'main.py', 'index.ts',
                    'fetchCustomerRecords', 'ERR_CONNECTION_RESET', 'SIGTERM', 'localhost', 'TODO', 'FIXME',
                    'PaymentGateway', 'AuthController', 'useEffect', 'setTimeout', 'JSON.parse', 'df.groupby',
                    'SELECT', 'WHERE', 'NotFoundError', 'build.gradle', 'Dockerfile', 'CustomerId', 'UserProfile']

# Speaker and field labels of call transcripts, forms and depositions: capitalised, never names.
ROLE_LABELS = ['AGENT', 'CALLER', 'CUSTOMER', 'REP', 'USER', 'BOT', 'Assistant', 'Agent', 'Caller', 'Customer',
               'INTERVIEWER', 'THE VIDEOGRAPHER', 'THE REPORTER', 'THE INTERPRETER', 'NURSE', 'DOCTOR', 'PATIENT',
               'TRUSTEE', 'THE TRUSTEE', 'CLAIMANT', 'RESPONDENT', 'Counsel', 'Tenant', 'Landlord', 'Member',
               'Staff', 'Moderator', 'Speaker 1', 'Speaker 2', 'SUPPORT', 'Operator', 'Dispatcher', 'Interviewer']
FIELD_LABELS = ['Name', 'Customer', 'Member name', 'Patient', 'Employee', 'Account holder', 'Contact', 'Agent',
                'Assigned to', 'Reported by', 'Requester', 'Beneficiary', 'Attendees', 'From', 'To', 'Cc',
                'Emergency contact', 'Next of kin', 'Manager', 'Owner', 'Signed', 'Witness', 'Claimant']
# Everyday lines that open with a capitalised word which is not a name.
GENERIC_LINES = [
    'Can you confirm the last four digits?', 'Could you spell that for me?', 'How long will the refund take?',
    'Which account is this about?', "There's a charge I don't recognise.", 'All right, one moment please.',
    'Got it, thanks.', 'You want the whole number?', 'Yes, that is correct.', 'No, nothing else.',
    'Noted. Is there anything else?', 'Thank you for calling.', 'Just the last four is fine.',
    'What is the best number to reach you?', 'Is that still your address?', 'I see the account now.',
    'Let me check that for you.', 'Sure, go ahead.', 'Okay, I have blocked the card.', 'Please hold.',
    'Do you have the order number?', 'When did this happen?', 'Where was the package delivered?',
    'Why was I charged twice?', 'Will it arrive before Friday?', 'May I put you on hold?', 'Great, thank you.',
    'Understood.', 'Any other questions?', 'Good morning.', 'Good afternoon, everyone.', 'Let us get started.',
    'Next item on the agenda.', 'Action items below.', 'Objection, form.', 'You may answer.', 'Go ahead.',
    'Off the record.', 'Back on the record.', 'Correct.', 'Not that I recall.', 'I believe so.',
    'Schedule A lists the assets.', 'Paragraph 4 of the Regulation applies.', 'Private and Confidential.',
    'Class action notice enclosed.', 'Original receipt attached.', 'Third party claims are excluded.',
    'Social Security benefits are not affected.', 'Chat transcript follows.', 'Bot: How can I help today?',
]
ORG_SYLLABLES = ['zen', 'tri', 'lum', 'cas', 'ca', 'dia', 'nova', 'ly', 'zip', 'line', 'au', 'ro', 'ra', 'vex',
                 'qua', 'tel', 'sol', 'mar', 'vi', 'ta', 'ko', 'rin', 'bright', 'ver', 'dant', 'ex', 'on', 'ia']
ORG_COINED_KINDS = ['Cloudworks', 'Labs', 'Bank', 'Health', 'Energy', 'Mobility', 'Renewables', 'Grocers',
                    'Freight', 'Savings', 'Credit Union', 'Insurance', 'Robotics', 'Networks', 'Pharma', 'Media']

# Everyday words of the target genres; the tokenizer sees them often enough to keep them whole, and filler
# sentences use them as hard negatives.
DOMAIN_WORDS = (
    'card number account balance payment transfer refund charge dispute fraud verification license passport email '
    'invoice receipt transaction statement deposit withdrawal routing checking savings mortgage loan interest fee '
    'password login username ticket issue error crash bug update upgrade install reboot browser laptop phone '
    'address street avenue suite apartment zip postcode delivery shipment package tracking order warehouse courier '
    'patient doctor nurse clinic hospital appointment prescription dosage allergy symptoms diagnosis insurance '
    'referral discharge surgery pharmacy blood pressure employee manager salary payroll onboarding benefits '
    'vacation leave complaint review promotion contract offer resignation interview candidate deposition witness '
    'plaintiff defendant counsel objection exhibit record court judge hearing motion trustee bankruptcy schedule '
    'claim claimant tenant landlord lease deposit meeting agenda minutes action items quarter revenue forecast '
    'pipeline quote discount renewal subscription customer support agent caller chat transcript notes summary '
    'yesterday today tomorrow lunch dinner breakfast coffee station airport hotel office supplier vendor client '
    'colleague neighbour neighbor husband wife daughter son sister brother friend boss contractor landlord'
).split()

# Conversational lines that open with pronouns, contractions and discourse words: none of them holds a name.
PRONOUN_LINES = [
    "He's my son.", "She's my daughter.", "He lives with us now.", "She moved out last spring.", "They said it was fine.",
    "I'm not sure about that.", "I'm calling about my card.", "I'm sorry, could you repeat that?", "I'll check again.",
    "I've already done that.", "I'd rather not say.", "We're still waiting.", "We've been customers for years.",
    "You're welcome.", "You'll get an email shortly.", "It's been three days.", "It was a Tuesday, I think.",
    "That's right.", "That's not what I ordered.", "There's no record of it.", "Here's the thing.",
    "His phone was off.", "Her car was parked outside.", "Their office never called back.", "Our team will review it.",
    "My husband handles the bills.", "My wife opened the account.", "Your request has been logged.",
    "He does, yes.", "She did.", "I did.", "I don't know.", "I can't remember.", "He never told me.",
    "She wasn't there.", "They weren't home.", "We don't have that.", "It isn't working.", "He left in October.",
    "She gave a copy to the manager.", "I gave it to the front desk.", "He says nothing has changed.",
    "No, that's everything.", "Yes, that's me.", "Yeah, it's fine.", "Okay, thanks.", "Sorry, one second.",
    "Well, it depends.", "Sure, no problem.", "Right, go on.", "Oh, I see.", "Hmm, let me look.", "Alright then.",
    "Or maybe the week after.", "And then what happened?", "But it never arrived.", "So what do we do now?",
    "Or my sister could do it.", "And her brother was there too.", "If so, let me know.", "Because it was late.",
    "Was he at work that day?", "Did she sign anything?", "Were they aware of it?", "Is he still employed there?",
    "Has she been paid?", "Do you recall the date?", "Does he have a lawyer?", "Can I speak to a supervisor?",
    "Could you hold on?", "Would you like a receipt?", "Should I call back later?", "Shall we begin?",
    "Who else was there?", "What did he say?", "Where did she go?", "When did they leave?", "Why not?",
    "Nobody answered.", "Someone called twice.", "Everyone agreed.", "None of them knew.", "Both of us signed.",
    "Thanks for your patience.", "Sorry for the wait.", "Welcome aboard.", "Good luck with the move.",
    "Nothing further.", "No questions.", "Objection. Leading.", "Sustained.", "Overruled.", "You may step down.",
]
# Notes written without a subject often open with a past participle or an imperative.
VERB_STARTS = ['Repeated', 'Rebooked', 'Updated', 'Requested', 'Confirmed', 'Verified', 'Escalated', 'Rotated',
               'Reset', 'Closed', 'Reopened', 'Called', 'Emailed', 'Sent', 'Checked', 'Refunded', 'Scheduled',
               'Cancelled', 'Noted', 'Advised', 'Explained', 'Reviewed', 'Approved', 'Declined', 'Flagged', 'Merged',
               'Deployed', 'Restarted', 'Patched', 'Fixed', 'Added', 'Removed', 'Moved', 'Asked', 'Told', 'Left',
               'Spoke', 'Waiting on', 'Following up on', 'Checking', 'Re-sent', 'Blocked', 'Unblocked', 'Masked',
               'Purged', 'Archived', 'Signed', 'Filed', 'Logged', 'Mailed', 'Returned', 'Transferred', 'Read']
VERB_OBJECTS = ['back to the caller', 'as a new transfer', 'the address on file', 'a callback for tomorrow',
                'the card', 'the ticket', 'with billing', 'the logs', 'the invoice', 'the appointment', 'a voicemail',
                'the refund', 'the keys', 'the old device', 'the claim form', 'the dispute', 'the shipment',
                'the password', 'the payment', 'the account', 'the order', 'it twice', 'all of it', 'the report']
SIGNOFFS = ['Sincerely,', 'Best,', 'Best regards,', 'Kind regards,', 'Thanks,', 'Thank you,', 'Cheers,',
            'Warm regards,', 'Respectfully,', 'Yours truly,', 'Regards,', 'Many thanks,', 'All the best,',
            'Thanks again,', 'Yours sincerely,', 'Talk soon,']
REPLY_MARKS = ['Re:', 'RE:', 'Fwd:', 'FW:', 'Fw:', 'Re: Re:', 'RE: RE:', 'Re: Fwd:']
KIN = ['son', 'daughter', 'wife', 'husband', 'brother', 'sister', 'mother', 'father', 'cousin', 'neighbour',
       'partner', 'friend', 'colleague', 'manager', 'nephew', 'niece', 'aunt', 'uncle', 'landlord', 'roommate']
PATH_WORDS = ['static', 'assets', 'api', 'app', 'main', 'vendor', 'index', 'login', 'users', 'orders', 'logs',
              'export', 'reports', 'config', 'bundle', 'runtime', 'checkout', 'health', 'metrics', 'auth']
PATH_EXTS = ['js', 'css', 'png', 'svg', 'json', 'html', 'map', 'log', 'csv', 'pdf', 'txt', 'gz', 'py', 'ts']

# --- records, e-mail headers, social text: hard negatives (never entities) --------------------------------------
MED_TERMS = ['Internal Medicine', 'Troponin', 'Troponin I', 'Cardiology', 'Hemoglobin A1c', 'Creatinine', 'Attending',
             'Chief Complaint', 'Differential Diagnosis', 'Blood Pressure', 'Discharge Summary', 'Emergency Department',
             'Lipid Panel', 'Oncology', 'Radiology', 'Orthopedics', 'Pediatrics', 'Metformin', 'Lisinopril',
             'Atorvastatin', 'Complete Blood Count', 'White Blood Cell', 'Heart Rate', 'Vital Signs', 'Assessment',
             'Plan', 'History of Present Illness', 'Family Medicine', 'Neurology', 'Intensive Care Unit', 'Sodium',
             'Potassium', 'Glucose', 'Hypertension', 'Type 2 Diabetes', 'Chest X-Ray', 'Follow-Up', 'Admitting Physician']
FIN_TERMS = ['Bill of Lading', 'Bond', 'Invoice Total', 'Net 30', 'Net 60', 'Accounts Payable', 'Accounts Receivable',
             'Purchase Order', 'Letter of Credit', 'Balance Due', 'Subtotal', 'Sales Tax', 'Wire Transfer',
             'Routing Number', 'Treasury Bond', 'Municipal Bond', 'Coupon Rate', 'Maturity Date', 'Yield to Maturity',
             'Gross Margin', 'Operating Income', 'Net Income', 'EBITDA', 'Freight Charges', 'FOB Destination',
             'Due Date', 'Remit To', 'Payment Terms', 'Port of Loading', 'Port of Discharge', 'Notify Party',
             'Gross Weight', 'Unit Price', 'Line Total', 'Credit Memo', 'General Ledger', 'Cost Center']
TECH_TERMS = ['Severity', 'Status', 'Priority', 'Content-Type', 'User-Agent', 'Accept-Encoding', 'Cache-Control',
              'Load Balancer', 'Kubernetes', 'Root Cause', 'Steps to Reproduce', 'Expected Result', 'Actual Result',
              'Environment', 'Component', 'Fix Version', 'Affects Version', 'Stack Trace', 'Null Pointer Exception',
              'Pull Request', 'Build Pipeline', 'Release Candidate', 'Access Token', 'Rate Limit', 'Resolution',
              'Sprint Backlog', 'Story Points', 'Labels', 'Due Date', 'Created', 'Updated', 'Issue Type']
STATUS_VALUES = ['Open', 'Closed', 'In Progress', 'Resolved', "Won't Fix", 'High', 'Medium', 'Low', 'Critical',
                 'Blocker', 'Major', 'Minor', 'P1', 'P2', 'P3', 'Net 30', 'Paid', 'Overdue', 'Pending', 'Approved',
                 'Normal', 'Abnormal', 'Positive', 'Negative', 'Stable', 'Final', 'Draft', 'N/A', 'Yes', 'No',
                 'Bug', 'Task', 'Story', 'Done', 'To Do', 'Elevated', 'Within Normal Limits']
USER_AGENTS = ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
               'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36',
               'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
               'Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0',
               'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148',
               'curl/8.4.0', 'python-requests/2.31.0', 'PostmanRuntime/7.36.0', 'okhttp/4.12.0']
CONTENT_TYPES = ['application/json', 'text/html; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded',
                 'multipart/form-data', 'application/xml']
CHARSETS = ['us-ascii', 'ascii', 'utf-8', 'UTF-8', 'iso-8859-1', 'ISO-8859-1', 'windows-1252']
ENCODINGS = ['7bit', '8bit', 'quoted-printable', 'base64']
MAIL_FOLDERS = ['\\Phillip_Allen_Jan2002_1\\Allen, Phillip K.\\\'Sent Mail', '\\ExMerge - Kaminski, Vince\\Inbox',
                '\\Notes Folders\\All documents', '\\Inbox', '\\Sent Items', '\\Deleted Items', '\\Discussion threads',
                '\\Notes Folders\\Sent', '\\Archive\\2001', '\\Calendar', 'Inbox/Projects', 'INBOX']
MAIL_ORIGINS = ['Allen-P', 'Lay-K', 'Skilling-J', 'Kaminski-V', 'Dasovich-J', 'Kean-S', 'Mann-K', 'Jones-T']
MAIL_FILES = ['pallen.nsf', 'pallen (Non-Privileged).pst', 'klay.nsf', 'vkamins.nsf', 'jskillin.pst',
              'Archive 2001.pst', 'mailbox.pst', 'kean-s.nsf', 'Outlook.pst', 'tjones.nsf']
MAIL_SUBJECTS = ['Re: Q3 forecast', 'FW: draft agreement', 'Meeting tomorrow', 'Updated schedule', 'Re: Re: budget',
                 'Gas positions', 'Invoice attached', 'Conference call', 'Re: contract review', 'Weekly report',
                 'Lunch?', 'Action required: expense report', 'Fwd: revised term sheet', 'Status update']
HASHTAGS = ['#mondaymotivation', '#tbt', '#fail', '#win', '#love', '#devops', '#outage', '#ootd', '#foodie',
            '#traffic', '#GameDay', '#ThrowbackThursday', '#blessed', '#WFH', '#CustomerService', '#MatchDay', '#news']
EMOJI = ['😂', '🙏', '🔥', '❤️', '👍', '😭', '🎉', '😅', '🙄', '💯', ':)', ':(', ':D', 'xD', '<3']
SOCIAL_WORDS = ['lol', 'omg', 'tbh', 'ngl', 'smh', 'idk', 'rn', 'brb', 'imo', 'fr', 'lmao', 'wtf', 'yesss', 'ugh']
ORG_HANDLES = ['AcmeSupport', 'AmazonHelp', 'Delta', 'AskPayPal', 'comcastcares', 'NetflixHelps', 'BBCBreaking',
               'Uber_Support', 'SpotifyCares', 'XboxSupport', 'VodafoneUK', 'British_Airways', 'TeslaService',
               'MicrosoftHelps', 'googlecloud', 'AppleSupport', 'Starbucks', 'HSBC_UK', 'NHSEngland', 'NYTimes']
# Clubs and firms named after places: ORGANIZATION in sports and business contexts.
PLACE_CLUBS = ['Barcelona', 'Madrid', 'Real Madrid', 'Liverpool', 'Chelsea', 'Arsenal', 'Manchester United',
               'Manchester City', 'Everton', 'Juventus', 'Ajax', 'Porto', 'Benfica', 'Lyon', 'Marseille', 'Milan',
               'Inter Milan', 'Napoli', 'Sevilla', 'Valencia', 'Houston Dynamo', 'Houston Rockets', 'Chicago Bulls',
               'Boston Celtics', 'Denver Broncos', 'Dallas Cowboys', 'Seattle Sounders', 'Toronto Raptors',
               'LA Galaxy', 'New York Yankees', 'Atlanta United', 'Celtic', 'Rangers', 'Leeds United',
               'Bayern Munich', 'Dortmund', 'Galatasaray', 'Flamengo', 'Boca Juniors', 'Kaizer Chiefs']
# Given names that are also places: PERSON in person contexts.
PLACE_GIVEN = ['Jordan', 'Houston', 'Paris', 'Dallas', 'Austin', 'Savannah', 'Sydney', 'Florence', 'Georgia',
               'Brooklyn', 'Victoria', 'Chelsea', 'Madison', 'Phoenix', 'Devon', 'Adelaide', 'Orlando', 'Lincoln',
               'Kent', 'Kenya', 'India', 'Dakota', 'Cairo', 'Israel', 'Denver', 'Aspen', 'Cheyenne', 'Memphis']
FIRM_TAILS = ['LLP', 'LLC', 'P.C.', 'PLLC', 'Partners', 'Associates', '& Co.', 'Solicitors', 'Attorneys at Law']
COUNTRY_LINES = ['United Kingdom', 'UK', 'USA', 'United States', 'Germany', 'France', 'Nigeria', 'India',
                 'Australia', 'Netherlands', 'Kenya', 'Pakistan', 'Japan', 'Canada', 'Ireland', 'South Africa']
