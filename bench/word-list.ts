// The fixed vocabulary of the synthetic books: ordinary English, sorted by part of speech so that the
// sentence templates in prose.ts read as plain (if aimless) historical prose.

export const NOUNS = [
  'government', 'party', 'committee', 'minister', 'letter', 'newspaper', 'election', 'report', 'inquiry',
  'council', 'union', 'member', 'leader', 'office', 'campaign', 'archive', 'document', 'speech', 'policy',
  'majority', 'minority', 'coalition', 'question', 'decision', 'argument', 'account', 'record', 'witness',
  'journalist', 'editor', 'historian', 'secretary', 'treasury', 'parliament', 'debate', 'motion', 'vote',
  'meeting', 'conference', 'delegation', 'agreement', 'treaty', 'dispute', 'rumour', 'story', 'headline',
  'version', 'draft', 'signature', 'telegram', 'memorandum', 'file', 'source', 'claim', 'charge', 'allegation',
  'defence', 'answer', 'statement', 'audience', 'public', 'press', 'country', 'city', 'village', 'harbour',
  'railway', 'factory', 'mine', 'market', 'harvest', 'winter', 'summer', 'morning', 'evening', 'week',
  'decade', 'century', 'generation', 'family', 'neighbour', 'friend', 'rival', 'ally', 'officer', 'agent',
  'clerk', 'printer', 'reader', 'voter', 'worker', 'teacher', 'lawyer', 'judge', 'court', 'verdict',
  'evidence', 'detail', 'pattern', 'silence', 'memory', 'history', 'tradition', 'principle', 'promise',
  'warning', 'mistake', 'chance', 'moment', 'reason', 'purpose', 'result', 'consequence', 'interest',
];

export const ADJECTIVES = [
  'careful', 'hasty', 'quiet', 'public', 'private', 'official', 'anonymous', 'uncertain', 'familiar',
  'remarkable', 'ordinary', 'lengthy', 'brief', 'formal', 'informal', 'reluctant', 'eager', 'patient',
  'bitter', 'sober', 'confident', 'doubtful', 'forgotten', 'celebrated', 'obscure', 'detailed', 'vague',
  'early', 'later', 'final', 'second', 'northern', 'southern', 'provincial', 'national', 'local', 'foreign',
  'domestic', 'modest', 'generous', 'narrow', 'broad', 'steady', 'sudden', 'gradual', 'costly', 'useful',
  'awkward', 'plausible', 'unlikely', 'honest', 'partial', 'complete', 'original', 'surviving', 'missing',
];

export const VERBS_PAST = [
  'published', 'questioned', 'denied', 'confirmed', 'examined', 'ignored', 'accepted', 'rejected',
  'described', 'defended', 'attacked', 'recorded', 'reported', 'discovered', 'overlooked', 'remembered',
  'received', 'signed', 'sent', 'read', 'drafted', 'answered', 'challenged', 'praised', 'doubted', 'studied',
  'checked', 'compared', 'revised', 'retracted', 'announced', 'concealed', 'revealed', 'printed', 'quoted',
  'followed', 'opposed', 'supported', 'welcomed', 'dismissed', 'kept', 'lost', 'found', 'carried', 'left',
];

export const ADVERBS = [
  'quietly', 'openly', 'slowly', 'quickly', 'carefully', 'reluctantly', 'eventually', 'immediately',
  'repeatedly', 'rarely', 'largely', 'partly', 'plainly', 'evidently', 'apparently', 'certainly', 'perhaps',
];

export const PREPOSITIONS = ['in', 'at', 'near', 'from', 'across', 'before', 'after', 'during', 'within', 'beyond', 'without'];

export const CONNECTIVES = [
  'Nevertheless', 'However', 'Meanwhile', 'In the end', 'For a while', 'At first', 'Even so', 'By then',
  'Later', 'In practice', 'On the other hand', 'As a rule', 'For the most part', 'Afterwards',
];

export const PLACES = [
  'London', 'Manchester', 'Glasgow', 'Cardiff', 'Leeds', 'Bristol', 'Liverpool', 'Edinburgh', 'Belfast',
  'Sheffield', 'Newcastle', 'Norwich', 'Oxford', 'Cambridge', 'Dover', 'Southampton', 'Westminster',
  'Paris', 'Berlin', 'Moscow', 'Geneva', 'Brussels', 'Dublin', 'Riga', 'Vienna',
];

export const GIVEN_NAMES = [
  'Margaret', 'Thomas', 'Eleanor', 'Arthur', 'Winifred', 'Harold', 'Dorothy', 'Albert', 'Agnes', 'Walter',
  'Edith', 'Stanley', 'Florence', 'Ernest', 'Beatrice', 'Frederick', 'Mabel', 'Herbert', 'Ivy', 'Cecil',
  'Ruth', 'Leonard', 'Muriel', 'Sidney', 'Vera', 'Clement', 'Olive', 'Reginald', 'Hilda', 'Percy',
];

export const FAMILY_NAMES = [
  'Ashworth', 'Barraclough', 'Chandler', 'Dunmore', 'Everett', 'Fairbairn', 'Gillespie', 'Hargreaves',
  'Ingram', 'Jessop', 'Kershaw', 'Lowther', 'Marchbank', 'Netherby', 'Ormerod', 'Pennington', 'Quayle',
  'Rowntree', 'Shuttleworth', 'Threlfall', 'Underwood', 'Varley', 'Whitaker', 'Yardley', 'Ackroyd',
  'Bramwell', 'Cockcroft', 'Dewhurst', 'Entwistle', 'Fothergill',
];

export const PUBLISHERS = [
  ['Harrow Press', 'London'], ['Northgate Books', 'Manchester'], ['Clarendon Hill', 'Oxford'],
  ['Fenland University Press', 'Cambridge'], ['Tidewater Publishing', 'Bristol'], ['Cairn Books', 'Edinburgh'],
] as const;

export const JOURNALS = [
  'Journal of Modern Political History', 'Labour History Review', 'The Historical Quarterly',
  'Twentieth Century Studies', 'Review of Press and Politics', 'Archives and Record',
];

export const NEWSPAPERS = ['The Morning Courier', 'The Evening Ledger', 'The Weekly Observer', 'The Northern Herald'];
