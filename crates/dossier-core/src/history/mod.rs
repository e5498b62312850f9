//! An agenda item across sessions: which items of a body's agendas are the
//! same item (`matching`), what adoption changed in a provisional agenda
//! (`adopted`), and the title similarity both rest on (`similarity`). The
//! library assembles an item's history from them (`library::history`).

pub mod adopted;
pub mod matching;
pub mod similarity;
