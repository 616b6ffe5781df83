//! `--watch`: following the pack folder at its path, and reading the pack again when it
//! changes, on a thread of its own, so that the browser's loop only receives each new
//! version, checked.
//!
//! A watch on a folder is a watch on one folder, not on a path: when the folder is replaced
//! (deleted and copied back, or another one renamed onto its path, as git, rsync and many
//! editors and deployments do), the watch stays with the old one. So the folder's parent is
//! watched too (not recursively: it may be a home folder), and when the entry at the path
//! changes, the folder found there is watched in place of the old one.

use std::ffi::OsStr;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use crate::app::Reload;
use crate::content::load::{FILES, OPTIONAL_FILES, check_dir};

/// How long the pack must stay quiet before it is read again: edits come in bursts (an
/// editor writes, renames, touches; a copy writes file after file).
const QUIET: Duration = Duration::from_millis(200);

/// The longest a burst is waited out: a pack that is never quiet (a file written to without
/// a pause) is still read this often.
const LONGEST_BURST: Duration = Duration::from_secs(1);

/// Watches the pack folder at `dir` and gives each new version of the pack, checked, to
/// `on_change`, on a thread of its own; also when the folder at that path is replaced, and,
/// as a failed version that keeps the last good one, when there is no folder there. The
/// watch lasts as long as the returned value.
///
/// The folder (which must be one now) is watched before this returns, so that nothing
/// changed after it is missed.
pub fn watch_pack(
    dir: PathBuf,
    mut on_change: impl FnMut(Reload) + Send + 'static,
) -> io::Result<PackWatch> {
    let folder = absolute_folder(&dir)?;
    let parent = folder.parent().map(Path::to_path_buf);
    let (messages, received) = channel();
    let mut watcher = {
        let (folder, parent, messages) = (folder.clone(), parent.clone(), messages.clone());
        // Sorted on notify's thread, so that the events of the parent's other entries end
        // here, at the cost of comparing a path.
        notify::recommended_watcher(move |event: notify::Result<Event>| {
            let change = match &event {
                Ok(event) => change_of(event, &folder, parent.as_deref()),
                // Events may have been lost: anything may have changed.
                Err(_) => Change::Parent,
            };
            if change > Change::Unrelated {
                let _ = messages.send(Message::Changed(change));
            }
        })
        .map_err(io::Error::other)?
    };
    watcher
        .watch(&folder, RecursiveMode::NonRecursive)
        .map_err(io::Error::other)?;
    if let Some(parent) = &parent {
        // Without the parent's events the folder is still followed while it stays (and when
        // its own watch reports it moved or deleted), so a parent that cannot be watched
        // (unreadable, say) is no reason to refuse `--watch`.
        let _ = watcher.watch(parent, RecursiveMode::NonRecursive);
    }
    let mut follower = Follower {
        watcher,
        dir,
        folder,
        parent,
    };
    std::thread::Builder::new()
        .name("clsv pack watcher".into())
        .spawn(move || {
            while let Some(change) = next_burst(&received, QUIET, LONGEST_BURST) {
                follower.follow(change, &mut on_change);
            }
            // The watcher goes with the follower, and notify's thread with it.
        })?;
    Ok(PackWatch { messages })
}

/// A pack folder being watched: dropping it ends the watching thread, once the reading under
/// way (if any) is done, without waiting for it.
#[must_use = "the pack is watched only while this lives"]
pub struct PackWatch {
    messages: Sender<Message>,
}

impl Drop for PackWatch {
    fn drop(&mut self) {
        // Fails only if the thread has ended already.
        let _ = self.messages.send(Message::Stop);
    }
}

/// What the watching thread is told.
enum Message {
    Changed(Change),
    Stop,
}

/// What an event asks of the watcher, from least to most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Change {
    /// Nothing the pack is read from: another entry of the parent, a file that is not one of
    /// the pack's (an editor's swap file, a temporary file before it is renamed), or only
    /// reading, which the watcher's own reading of the pack would otherwise turn into a
    /// reading forever.
    Unrelated,
    /// One of the pack's files: the pack is read again.
    PackFile,
    /// The entry at the folder's path (made, removed, renamed away or onto, its attributes,
    /// a symbolic link pointed elsewhere): the folder there now is watched, then read.
    Folder,
    /// The parent itself (removed, renamed), or events were lost: the parent and the folder
    /// are watched again, then the pack is read.
    Parent,
}

/// What `event` asks of the watcher of the pack folder at `folder` (absolute) in `parent`.
fn change_of(event: &Event, folder: &Path, parent: Option<&Path>) -> Change {
    if event.need_rescan() {
        return Change::Parent;
    }
    if let EventKind::Access(access) = event.kind
        && access != AccessKind::Close(AccessMode::Write)
    {
        return Change::Unrelated;
    }
    event
        .paths
        .iter()
        .map(|path| change_at(path, folder, parent))
        .max()
        .unwrap_or(Change::Unrelated)
}

/// What a change at `path` asks of the watcher of the pack folder at `folder` in `parent`.
fn change_at(path: &Path, folder: &Path, parent: Option<&Path>) -> Change {
    if path == folder {
        Change::Folder
    } else if Some(path) == parent {
        Change::Parent
    } else if path.parent() == Some(folder) && path.file_name().is_some_and(is_pack_file) {
        Change::PackFile
    } else {
        Change::Unrelated
    }
}

/// Whether `name` is the name of a file the pack is read from. Case aside: where the file
/// system ignores case, `Members.ron` is what the loader reads as `members.ron`.
fn is_pack_file(name: &OsStr) -> bool {
    FILES.iter().chain(&OPTIONAL_FILES).any(|file| {
        name.as_encoded_bytes()
            .eq_ignore_ascii_case(file.as_bytes())
    })
}

/// `dir` made absolute, without resolving symbolic links (a link at the path is what is
/// followed, pointed elsewhere included), and ending in the folder's own name, as the
/// parent's events name it: a path ending in `..` (or `/`) is resolved.
fn absolute_folder(dir: &Path) -> io::Result<PathBuf> {
    let absolute = std::path::absolute(dir)?;
    match (absolute.parent(), absolute.file_name()) {
        (Some(parent), Some(name)) => Ok(parent.join(name)),
        _ => absolute.canonicalize(),
    }
}

/// Waits for a change and for the burst it begins to end (`quiet` without a change, or
/// `longest` at most); gives the most the burst asks for, or `None` when the watch is to
/// stop.
fn next_burst(messages: &Receiver<Message>, quiet: Duration, longest: Duration) -> Option<Change> {
    let Ok(Message::Changed(mut change)) = messages.recv() else {
        return None;
    };
    let began = Instant::now();
    loop {
        let left = longest.saturating_sub(began.elapsed());
        if left.is_zero() {
            return Some(change);
        }
        match messages.recv_timeout(quiet.min(left)) {
            Ok(Message::Changed(more)) => change = change.max(more),
            Err(RecvTimeoutError::Timeout) => return Some(change),
            Ok(Message::Stop) | Err(RecvTimeoutError::Disconnected) => return None,
        }
    }
}

/// The watching thread's state: the watcher, and where the pack is.
struct Follower {
    watcher: RecommendedWatcher,
    /// The folder as given: read from, and named in messages, as the user wrote it.
    dir: PathBuf,
    /// The folder's path made absolute, as watched and as the watcher's events name it.
    folder: PathBuf,
    parent: Option<PathBuf>,
}

impl Follower {
    /// Watches again what `change` may have replaced, then reads the pack and gives the
    /// outcome to `on_change`: in that order, so that a change made while the pack is read
    /// is not missed.
    fn follow(&mut self, change: Change, on_change: &mut impl FnMut(Reload)) {
        if change >= Change::Parent
            && let Some(parent) = &self.parent
        {
            // Without it the folder is still followed while it stays (see `watch_pack`).
            let _ = watch_again(&mut self.watcher, parent);
        }
        let unwatched = if change >= Change::Folder {
            watch_again(&mut self.watcher, &self.folder)
                .err()
                // Nothing there to watch (gone since it was seen): the reading says so.
                .filter(|error| !matches!(error.kind, notify::ErrorKind::PathNotFound))
        } else {
            None
        };
        on_change(self.read());
        // A folder that cannot be watched (the limit of watches reached, say) is read once
        // more, but its edits would not show: that is said over the content just read.
        if let Some(error) = unwatched {
            on_change(Reload::Failed(format!(
                "cannot watch the pack folder {}: {error}",
                self.dir.display()
            )));
        }
    }

    /// The pack as it is now, checked; a failure that keeps the last good version while
    /// there is no folder at the path.
    fn read(&self) -> Reload {
        let shown = self.dir.display();
        match std::fs::metadata(&self.dir) {
            Ok(metadata) if metadata.is_dir() => check(&self.dir),
            Ok(_) => Reload::Failed(format!("the pack folder {shown} is not a folder any more")),
            Err(error)
                if matches!(
                    error.kind(),
                    io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
                ) =>
            {
                Reload::Failed(format!("the pack folder {shown} is gone"))
            }
            Err(error) => Reload::Failed(format!("cannot read the pack folder {shown}: {error}")),
        }
    }
}

/// Watches the folder at `path` in place of whatever was watched under that path, so that
/// the watch is on the folder there now: the old one may be gone (notify forgets a watch
/// when its folder is removed or renamed away, and every watch under it), or be on a folder
/// no longer at the path (a symbolic link pointed elsewhere, a parent renamed away). With
/// no folder at the path, the old watch (if notify still has it) is kept: it reports its
/// folder being renamed back.
fn watch_again(watcher: &mut RecommendedWatcher, path: &Path) -> notify::Result<()> {
    if !path.is_dir() {
        return Ok(());
    }
    let _ = watcher.unwatch(path);
    watcher.watch(path, RecursiveMode::NonRecursive)
}

/// The pack in `dir`, checked: its content, or the first line of its first problem.
fn check(dir: &Path) -> Reload {
    match check_dir(dir).into_result() {
        Ok(content) => Reload::Loaded(Box::new(content)),
        Err(error) => Reload::Failed(
            error
                .problems
                .first()
                .map_or_else(String::new, ToString::to_string),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, Flag, ModifyKind, RemoveKind, RenameMode};

    const PARENT: &str = "/home/ana";
    const FOLDER: &str = "/home/ana/pack";

    fn change(kind: EventKind, paths: &[&str]) -> Change {
        let event = paths
            .iter()
            .fold(Event::new(kind), |event, path| event.add_path(path.into()));
        change_of(&event, Path::new(FOLDER), Some(Path::new(PARENT)))
    }

    fn created(path: &str) -> Change {
        change(EventKind::Create(CreateKind::Any), &[path])
    }

    fn renamed(from: &str, to: &str) -> Change {
        change(
            EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
            &[from, to],
        )
    }

    #[test]
    fn the_parents_other_entries_are_unrelated() {
        assert_eq!(created("/home/ana/notes.txt"), Change::Unrelated);
        assert_eq!(created("/home/ana/pack.old"), Change::Unrelated);
        assert_eq!(renamed("/home/ana/a", "/home/ana/b"), Change::Unrelated);
        // A pack file's name, but in a sibling folder.
        assert_eq!(created("/home/ana/pack.old/members.ron"), Change::Unrelated);
        // A name the folder's name begins.
        assert_eq!(created("/home/ana/packs"), Change::Unrelated);
    }

    #[test]
    fn the_entry_at_the_folders_path_is_the_folder() {
        assert_eq!(created(FOLDER), Change::Folder);
        assert_eq!(
            change(EventKind::Remove(RemoveKind::Folder), &[FOLDER]),
            Change::Folder
        );
        // `mv pack.new pack`, and `mv pack pack.old`.
        assert_eq!(renamed("/home/ana/pack.new", FOLDER), Change::Folder);
        assert_eq!(renamed(FOLDER, "/home/ana/pack.old"), Change::Folder);
        assert_eq!(
            change(
                EventKind::Modify(ModifyKind::Name(RenameMode::From)),
                &[FOLDER]
            ),
            Change::Folder
        );
    }

    #[test]
    fn only_the_packs_own_files_are_read_for() {
        let members = "/home/ana/pack/members.ron";
        assert_eq!(
            change(EventKind::Modify(ModifyKind::Any), &[members]),
            Change::PackFile
        );
        assert_eq!(created("/home/ana/pack/slides.ron"), Change::PackFile);
        assert_eq!(created("/home/ana/pack/Members.RON"), Change::PackFile);
        // An editor's swap file, a file the pack does not have.
        assert_eq!(
            created("/home/ana/pack/.members.ron.swp"),
            Change::Unrelated
        );
        assert_eq!(created("/home/ana/pack/README.md"), Change::Unrelated);
        // An atomic save: the temporary file is nothing, its rename onto the file is.
        assert_eq!(
            created("/home/ana/pack/.members.ron.tmp"),
            Change::Unrelated
        );
        assert_eq!(
            renamed("/home/ana/pack/.members.ron.tmp", members),
            Change::PackFile
        );
    }

    #[test]
    fn reading_is_no_change_but_a_written_file_closed_is() {
        let members = "/home/ana/pack/members.ron";
        for access in [
            AccessKind::Open(AccessMode::Any),
            AccessKind::Close(AccessMode::Read),
            AccessKind::Read,
            AccessKind::Any,
        ] {
            assert_eq!(
                change(EventKind::Access(access), &[members]),
                Change::Unrelated
            );
            assert_eq!(
                change(EventKind::Access(access), &[FOLDER]),
                Change::Unrelated
            );
        }
        assert_eq!(
            change(
                EventKind::Access(AccessKind::Close(AccessMode::Write)),
                &[members]
            ),
            Change::PackFile
        );
    }

    #[test]
    fn the_parent_itself_or_lost_events_renew_everything() {
        assert_eq!(
            change(EventKind::Remove(RemoveKind::Folder), &[PARENT]),
            Change::Parent
        );
        let lost = Event::new(EventKind::Other).set_flag(Flag::Rescan);
        assert_eq!(
            change_of(&lost, Path::new(FOLDER), Some(Path::new(PARENT))),
            Change::Parent
        );
        // The root has no parent: only the folder is watched.
        assert_eq!(
            change_of(
                &Event::new(EventKind::Any).add_path("/members.ron".into()),
                Path::new("/"),
                None
            ),
            Change::PackFile
        );
    }

    #[test]
    fn the_folder_is_named_by_its_own_name() {
        let cwd = std::env::current_dir().unwrap();
        assert_eq!(
            absolute_folder(Path::new("pack")).unwrap(),
            cwd.join("pack")
        );
        assert_eq!(
            absolute_folder(Path::new("pack/.")).unwrap().file_name(),
            Some(OsStr::new("pack"))
        );
        // `..` names no folder of its own: it is resolved.
        let up = absolute_folder(Path::new("..")).unwrap();
        assert_eq!(up, cwd.join("..").canonicalize().unwrap());
    }

    #[test]
    fn a_burst_is_one_change_the_most_it_asks() {
        let next = |messages| next_burst(messages, QUIET, LONGEST_BURST);
        let (send, messages) = channel();
        for change in [Change::PackFile, Change::Folder, Change::PackFile] {
            send.send(Message::Changed(change)).unwrap();
        }
        assert_eq!(next(&messages), Some(Change::Folder));
        send.send(Message::Changed(Change::PackFile)).unwrap();
        assert_eq!(next(&messages), Some(Change::PackFile));
        // Stopping wins over a burst under way.
        send.send(Message::Changed(Change::PackFile)).unwrap();
        send.send(Message::Stop).unwrap();
        assert_eq!(next(&messages), None);
        drop(send);
        assert_eq!(next(&messages), None);
    }

    #[test]
    fn a_pack_that_is_never_quiet_is_still_read() {
        let (send, messages) = channel();
        let writer = std::thread::spawn(move || {
            while send.send(Message::Changed(Change::PackFile)).is_ok() {
                std::thread::sleep(Duration::from_millis(10));
            }
        });
        // Never quiet for as long as a test waits: the burst ends at its longest.
        let longest = Duration::from_millis(300);
        let began = Instant::now();
        assert_eq!(
            next_burst(&messages, PATIENCE, longest),
            Some(Change::PackFile)
        );
        assert!(began.elapsed() >= longest);
        drop(messages);
        writer.join().unwrap();
    }

    /// A copy of the fixture pack at `pack`, made first.
    fn copy_fixture(pack: &Path) {
        std::fs::create_dir(pack).unwrap();
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small");
        for entry in std::fs::read_dir(fixture).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), pack.join(entry.file_name())).unwrap();
        }
    }

    /// The pack at `path` watched, and what the watch gives.
    fn watch(path: &Path) -> (PackWatch, Receiver<Reload>) {
        let (send, outcomes) = channel();
        let watch = watch_pack(path.to_path_buf(), move |outcome| {
            let _ = send.send(outcome);
        })
        .unwrap();
        (watch, outcomes)
    }

    /// A copy of the fixture pack in `pack` under a fresh folder, watched, with what the
    /// watch gives.
    fn watched_copy() -> (tempfile::TempDir, PathBuf, PackWatch, Receiver<Reload>) {
        let dir = tempfile::tempdir().unwrap();
        let pack = dir.path().join("pack");
        copy_fixture(&pack);
        let (watch, outcomes) = watch(&pack);
        (dir, pack, watch, outcomes)
    }

    /// Only a hang takes this long.
    const PATIENCE: Duration = Duration::from_secs(20);

    /// Long enough for any reading that was going to come to have come.
    const SILENCE: Duration = Duration::from_millis(1500);

    /// Waits for the pack to be loaded, past failures on the way: a change that is slow
    /// enough to come in two bursts is read half done first.
    fn wait_loaded(outcomes: &Receiver<Reload>) {
        loop {
            match outcomes.recv_timeout(PATIENCE) {
                Ok(Reload::Loaded(_)) => return,
                Ok(Reload::Failed(_)) => {}
                Err(_) => panic!("never loaded"),
            }
        }
    }

    /// Waits for a failure that says `text`, past other outcomes on the way.
    fn wait_failed(outcomes: &Receiver<Reload>, text: &str) {
        loop {
            match outcomes.recv_timeout(PATIENCE) {
                Ok(Reload::Failed(failure)) if failure.contains(text) => return,
                Ok(_) => {}
                Err(_) => panic!("never failed with {text:?}"),
            }
        }
    }

    #[test]
    fn only_changes_to_the_pack_read_it_again() {
        let (dir, pack, _watch, outcomes) = watched_copy();
        let members = pack.join("members.ron");
        let text = std::fs::read_to_string(&members).unwrap();

        // One edit (saved atomically, so that it cannot come in two bursts), one reading: the
        // reading itself is no change.
        let temporary = pack.join(".members.ron.tmp");
        std::fs::write(&temporary, &text).unwrap();
        std::fs::rename(&temporary, &members).unwrap();
        assert!(matches!(
            outcomes.recv_timeout(PATIENCE),
            Ok(Reload::Loaded(_))
        ));
        assert!(outcomes.recv_timeout(SILENCE).is_err(), "read once");

        // The parent's other entries, files the pack does not have, and reading the pack.
        std::fs::create_dir(dir.path().join("other")).unwrap();
        std::fs::write(dir.path().join("notes.txt"), "notes").unwrap();
        std::fs::rename(dir.path().join("notes.txt"), dir.path().join("n.txt")).unwrap();
        std::fs::remove_dir(dir.path().join("other")).unwrap();
        std::fs::write(pack.join(".members.ron.swp"), "swap").unwrap();
        std::fs::read_dir(&pack).unwrap().for_each(drop);
        std::fs::read_to_string(&members).unwrap();
        assert!(outcomes.recv_timeout(SILENCE).is_err(), "not read");

        // Still watching.
        std::fs::write(&members, "broken").unwrap();
        wait_failed(&outcomes, "members.ron");
    }

    #[test]
    fn a_file_at_the_folders_path_is_said_and_the_folder_followed_when_back() {
        let (dir, pack, _watch, outcomes) = watched_copy();
        let aside = dir.path().join("pack.aside");
        std::fs::rename(&pack, &aside).unwrap();
        std::fs::write(&pack, "not a folder").unwrap();
        wait_failed(
            &outcomes,
            &format!(
                "the pack folder {} is not a folder any more",
                pack.display()
            ),
        );
        std::fs::remove_file(&pack).unwrap();
        std::fs::rename(&aside, &pack).unwrap();
        wait_loaded(&outcomes);
        std::fs::write(pack.join("members.ron"), "broken").unwrap();
        wait_failed(&outcomes, "members.ron");
    }

    #[test]
    fn a_symbolic_link_pointed_elsewhere_is_followed() {
        let dir = tempfile::tempdir().unwrap();
        let (first, second) = (dir.path().join("first"), dir.path().join("second"));
        copy_fixture(&first);
        copy_fixture(&second);
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&first, &link).unwrap();
        let (_watch, outcomes) = watch(&link);

        // `ln -sfn second link`: a new link renamed over the old one.
        let new_link = dir.path().join("link.new");
        std::os::unix::fs::symlink(&second, &new_link).unwrap();
        std::fs::rename(&new_link, &link).unwrap();
        wait_loaded(&outcomes);

        // The folder it points to now is the one watched.
        std::fs::write(second.join("members.ron"), "broken").unwrap();
        wait_failed(&outcomes, "members.ron");
    }

    #[test]
    fn a_parent_renamed_away_and_back_is_followed() {
        let (dir, pack, _watch, outcomes) = watched_copy();
        let aside = dir.path().with_extension("aside");
        std::fs::rename(dir.path(), &aside).unwrap();
        wait_failed(
            &outcomes,
            &format!("the pack folder {} is gone", pack.display()),
        );
        std::fs::rename(&aside, dir.path()).unwrap();
        wait_loaded(&outcomes);
        std::fs::write(pack.join("members.ron"), "broken").unwrap();
        wait_failed(&outcomes, "members.ron");
    }

    #[test]
    fn dropping_the_watch_ends_the_thread() {
        let (_dir, pack, watch, outcomes) = watched_copy();
        std::fs::write(pack.join("members.ron"), "broken").unwrap();
        wait_failed(&outcomes, "members.ron");
        drop(watch);
        // The thread ends, and `on_change` (the only sender) with it.
        loop {
            match outcomes.recv_timeout(PATIENCE) {
                Ok(_) => {}
                Err(RecvTimeoutError::Disconnected) => break,
                Err(RecvTimeoutError::Timeout) => panic!("the watching thread lives on"),
            }
        }
    }
}
