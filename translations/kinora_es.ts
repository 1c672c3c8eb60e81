<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>Banner</name>
    <message>
        <location filename="../qml/Controls/Banner.qml" line="30"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DialogueEditor</name>
    <message>
        <location filename="../qml/Storyboard/DialogueEditor.qml" line="35"/>
        <source>Speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/DialogueEditor.qml" line="53"/>
        <source>auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/DialogueEditor.qml" line="58"/>
        <source>Start time in seconds; empty follows the previous line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/DialogueEditor.qml" line="63"/>
        <source>Remove this line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/DialogueEditor.qml" line="70"/>
        <source>What they say</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/DialogueEditor.qml" line="78"/>
        <source>(how they say it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/DialogueEditor.qml" line="87"/>
        <source>Add dialogue line</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EngineSupervisor</name>
    <message>
        <location filename="../src/engine/enginesupervisor.cpp" line="78"/>
        <source>Kinora was closed while this shot was generating; it starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/engine/enginesupervisor.cpp" line="102"/>
        <source>The generation was stopped; it starts again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/engine/enginesupervisor.cpp" line="144"/>
        <source>The generation worker could not be started (%1). Reinstall Kinora.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/engine/enginesupervisor.cpp" line="171"/>
        <source>the generation worker stopped unexpectedly (it was killed or crashed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/engine/enginesupervisor.cpp" line="172"/>
        <source>the generation worker exited with code %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../qml/Export/exportviewmodel.cpp" line="45"/>
        <source>Shots: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Export/exportviewmodel.cpp" line="51"/>
        <source>Time range: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Export/exportviewmodel.cpp" line="59"/>
        <source>Choose a size, a quality and a subtitle mode.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <location filename="../qml/Export/ExportPage.qml" line="33"/>
        <source>Landscape 1080p (1920×1080)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Export/ExportPage.qml" line="34"/>
        <source>Landscape 720p (1280×720)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Export/ExportPage.qml" line="35"/>
        <source>Vertical 1080p (1080×1920, social apps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Export/ExportPage.qml" line="36"/>
        <source>Square 1080p (1080×1080)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Export/ExportPage.qml" line="45"/>
        <location filename="../qml/Export/ExportPage.qml" line="162"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Export/ExportPage.qml" line="64"/>
        <source>Save as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Export/ExportPage.qml" line="69"/>
        <source>/path/to/film.mp4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Export/ExportPage.qml" line="73"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Export/ExportPage.qml" line="87"/>
        <source>Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Export/ExportPage.qml" line="93"/>
        <source>High (slower, larger)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Export/ExportPage.qml" line="94"/>
        <source>Balanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Export/ExportPage.qml" line="95"/>
        <source>Fast (quick share copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Export/ExportPage.qml" line="99"/>
        <source>Subtitles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Export/ExportPage.qml" line="105"/>
        <source>Subtitle track (players can turn it off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Export/ExportPage.qml" line="106"/>
        <source>Burned into the picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Export/ExportPage.qml" line="107"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Export/ExportPage.qml" line="111"/>
        <source>Your handle (in the watermark)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Export/ExportPage.qml" line="115"/>
        <source>@name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Export/ExportPage.qml" line="119"/>
        <source>Shots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Export/ExportPage.qml" line="123"/>
        <source>All shots (or e.g. 1,3-4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Export/ExportPage.qml" line="127"/>
        <source>Time range (seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Export/ExportPage.qml" line="131"/>
        <source>The whole film (or e.g. 2.5-10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Export/ExportPage.qml" line="138"/>
        <source>Leave out shots that are not generated yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Export/ExportPage.qml" line="144"/>
        <source>Save a poster frame (PNG) beside the video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Export/ExportPage.qml" line="155"/>
        <source>Every export carries a visible Kinora watermark with your handle; it moves between corners so a crop cannot remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Export/ExportPage.qml" line="169"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/App/Main.qml" line="21"/>
        <source>%1 — Kinora Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="21"/>
        <source>Kinora Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="46"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="47"/>
        <source>New Project…  (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="48"/>
        <source>Open Project…  (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="51"/>
        <source>Open Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="62"/>
        <source>Save As…  (Ctrl+Shift+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="64"/>
        <source>Import Screenplay or Storyboard…  (Ctrl+I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="65"/>
        <source>Export Storyboard JSON…  (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="67"/>
        <source>Close Project  (Ctrl+W)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="68"/>
        <source>Quit  (Ctrl+Q)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="71"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="72"/>
        <source>Undo %1  (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="73"/>
        <source>Redo %1  (Ctrl+Shift+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="75"/>
        <source>Add Shot  (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="76"/>
        <source>Duplicate Shots  (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="77"/>
        <source>Delete Shots  (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="78"/>
        <source>Select All Shots  (Ctrl+A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="81"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="92"/>
        <source>Dark Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="95"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="96"/>
        <source>Keyboard Shortcuts  (F1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="134"/>
        <source>Cameo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="135"/>
        <source>Record a short webcam clip, pass a liveness check and decide who may use your likeness.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="138"/>
        <source>Feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="139"/>
        <source>Profiles, follows, the following and for-you feeds, likes and remixes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="159"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="167"/>
        <source>New / open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="167"/>
        <source>Save as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="168"/>
        <source>Import screenplay / export JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="169"/>
        <source>Switch area</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NavigationRail</name>
    <message>
        <location filename="../qml/App/NavigationRail.qml" line="11"/>
        <source>Storyboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/NavigationRail.qml" line="12"/>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/NavigationRail.qml" line="13"/>
        <source>Cameo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/NavigationRail.qml" line="14"/>
        <source>Feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/NavigationRail.qml" line="15"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../qml/Controls/PlaceholderPage.qml" line="25"/>
        <source>Not built yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanEditorDialog</name>
    <message>
        <location filename="../qml/Storyboard/PlanEditorDialog.qml" line="13"/>
        <source>Edit the shot&apos;s plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/PlanEditorDialog.qml" line="45"/>
        <source>Change places, things, positions, colours, actions or the camera. The storyboard keeps the duration, frame rate, size and seed. Once edited, the prompt no longer changes this shot until you reset the plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/PlanEditorDialog.qml" line="75"/>
        <source>The plan is valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/PlanEditorDialog.qml" line="79"/>
        <source>Apply (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanPanel</name>
    <message>
        <location filename="../qml/Storyboard/PlanPanel.qml" line="18"/>
        <source>past</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/PlanPanel.qml" line="18"/>
        <source>after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/PlanPanel.qml" line="18"/>
        <source>toward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/PlanPanel.qml" line="19"/>
        <source>away from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/PlanPanel.qml" line="19"/>
        <source>around</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/PlanPanel.qml" line="19"/>
        <source>across</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/PlanPanel.qml" line="20"/>
        <source>along</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/PlanPanel.qml" line="28"/>
        <source>(×%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/PlanPanel.qml" line="30"/>
        <source>(misses)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/PlanPanel.qml" line="31"/>
        <source>%1 s: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/PlanPanel.qml" line="40"/>
        <source>Edited plan: the prompt no longer changes this shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/PlanPanel.qml" line="49"/>
        <source>Edit plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/PlanPanel.qml" line="50"/>
        <source>Change what Kinora understood: things, positions, actions, camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/PlanPanel.qml" line="57"/>
        <source>Reset to prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/PlanPanel.qml" line="58"/>
        <source>Forget the edits; the prompt decides again (Ctrl+Z brings them back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/PlanPanel.qml" line="68"/>
        <source>Reading the prompt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/PlanPanel.qml" line="68"/>
        <source>Write a prompt to see how Kinora understands it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/PlanPanel.qml" line="79"/>
        <source>%1 · %2 · %3 · camera %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/PlanPanel.qml" line="119"/>
        <source>Not understood: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectDialogs</name>
    <message>
        <location filename="../qml/Storyboard/ProjectDialogs.qml" line="17"/>
        <source>New project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ProjectDialogs.qml" line="18"/>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ProjectDialogs.qml" line="21"/>
        <location filename="../qml/Storyboard/ProjectDialogs.qml" line="28"/>
        <location filename="../qml/Storyboard/ProjectDialogs.qml" line="37"/>
        <source>Kinora projects (*.kinora)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ProjectDialogs.qml" line="26"/>
        <source>Open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ProjectDialogs.qml" line="33"/>
        <source>Save project as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ProjectDialogs.qml" line="34"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ProjectDialogs.qml" line="42"/>
        <source>Import screenplay or storyboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ProjectDialogs.qml" line="44"/>
        <source>Screenplays and storyboards (*.fountain *.json *.kinora)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ProjectDialogs.qml" line="49"/>
        <source>Export storyboard as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ProjectDialogs.qml" line="50"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ProjectDialogs.qml" line="53"/>
        <source>Kinora storyboard (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../src/engine/render/renderer.cpp" line="283"/>
        <source>CUDA was requested, but this build of libtorch or this machine has no CUDA device; rendering on the CPU instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/engine/render/renderer.cpp" line="288"/>
        <source>Unknown render device &quot;%1&quot;; rendering on the CPU. Use &quot;cpu&quot; or &quot;cuda&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/engine/render/renderer.cpp" line="582"/>
        <source>The frame size %1x%2 is out of range; use 16 to 8192 pixels per side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/engine/render/renderer.cpp" line="587"/>
        <source>There is nothing to render: the world track has no frames. Simulate the shot first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/engine/render/renderer.cpp" line="589"/>
        <source>No frame sink was given to the renderer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/engine/render/renderer.cpp" line="655"/>
        <source>Rendering was cancelled at frame %1 of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/engine/render/renderer.cpp" line="662"/>
        <source>The renderer failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueuePopup</name>
    <message>
        <location filename="../qml/Storyboard/QueuePopup.qml" line="23"/>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/QueuePopup.qml" line="25"/>
        <source>Rendering · %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/QueuePopup.qml" line="26"/>
        <source>Simulating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/QueuePopup.qml" line="26"/>
        <source>Generating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/QueuePopup.qml" line="32"/>
        <source>Generation queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/QueuePopup.qml" line="38"/>
        <source>Nothing is waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/QueuePopup.qml" line="51"/>
        <source>Shot %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/QueuePopup.qml" line="63"/>
        <source>Generate earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/QueuePopup.qml" line="70"/>
        <source>Generate later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/QueuePopup.qml" line="76"/>
        <source>Cancel this shot&apos;s generation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShotCard</name>
    <message>
        <location filename="../qml/Storyboard/ShotCard.qml" line="88"/>
        <source>Rendering %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotCard.qml" line="89"/>
        <source>Simulating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotCard.qml" line="90"/>
        <source>Waiting in the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotCard.qml" line="91"/>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotCard.qml" line="92"/>
        <source>Not generated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotCard.qml" line="112"/>
        <source>about %1 s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotCard.qml" line="128"/>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotCard.qml" line="128"/>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotCard.qml" line="128"/>
        <source>Generating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotCard.qml" line="129"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotCard.qml" line="129"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotCard.qml" line="129"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotCard.qml" line="130"/>
        <source>%1 takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotCard.qml" line="151"/>
        <source>New scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotCard.qml" line="160"/>
        <source>Describe this shot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotCard.qml" line="170"/>
        <source>1 line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotCard.qml" line="170"/>
        <source>%1 lines</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShotEditor</name>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="21"/>
        <source>Select a shot to edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="39"/>
        <source>Shot %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="45"/>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="52"/>
        <source>What happens in this shot: place, people, things, motion…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="57"/>
        <source>How Kinora understood it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="69"/>
        <source>Duration (seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="70"/>
        <source>Continuity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="88"/>
        <source>Continue from previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="88"/>
        <source>New scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="93"/>
        <source>Camera move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="94"/>
        <source>Framing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="110"/>
        <source>Style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="111"/>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="131"/>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="134"/>
        <source>A locked seed gives the same take every time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="139"/>
        <source>New random seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="146"/>
        <source>Dialogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="153"/>
        <source>Cameos (up to two)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="162"/>
        <source>@handle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="169"/>
        <source>Takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="176"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="183"/>
        <source>Notes for the crew (not used for generation)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShotStrip</name>
    <message>
        <location filename="../qml/Storyboard/ShotStrip.qml" line="59"/>
        <source>No shots yet. Press Ctrl+Return to add one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Speech</name>
    <message>
        <location filename="../src/audio/speechengine.cpp" line="123"/>
        <source>Speech synthesis failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/audio/speechengine.cpp" line="136"/>
        <source>espeak-ng did not finish within %1 s; shorten the dialogue and retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/audio/speechengine.cpp" line="174"/>
        <source>espeak-ng could not start: its voice data was not found (install the espeak-ng-data package).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/audio/speechengine.cpp" line="191"/>
        <source>espeak-ng stopped while speaking line %1; check that line&apos;s text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/audio/speechengine.cpp" line="214"/>
        <source>could not start the speech process (%1); free some memory and retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/audio/speechengine.cpp" line="231"/>
        <source>espeak-ng crashed (signal %1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartPanel</name>
    <message>
        <location filename="../qml/Storyboard/StartPanel.qml" line="20"/>
        <source>Kinora Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StartPanel.qml" line="27"/>
        <source>Write a multi-shot storyboard; Kinora turns each shot into film with sound.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StartPanel.qml" line="35"/>
        <source>New project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StartPanel.qml" line="41"/>
        <source>Open project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StartPanel.qml" line="47"/>
        <source>Recent projects</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storyboard</name>
    <message>
        <location filename="../src/story/storyboarddocument.cpp" line="127"/>
        <source>Add shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/story/storyboarddocument.cpp" line="139"/>
        <source>Duplicate shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/story/storyboarddocument.cpp" line="140"/>
        <source>Duplicate %n shots</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/story/storyboarddocument.cpp" line="163"/>
        <source>Delete shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/story/storyboarddocument.cpp" line="164"/>
        <source>Delete %n shots</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/story/storyboarddocument.cpp" line="208"/>
        <source>Move shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/story/storyboarddocument.cpp" line="209"/>
        <source>Move %n shots</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/story/storyboarddocument.cpp" line="233"/>
        <source>Edit shot %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/story/storyboarddocument.cpp" line="243"/>
        <source>Change storyboard settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/story/storyboarddocument.cpp" line="265"/>
        <source>Trim shot %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoryboardHeader</name>
    <message>
        <location filename="../qml/Storyboard/StoryboardHeader.qml" line="24"/>
        <source>Storyboard title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardHeader.qml" line="34"/>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardHeader.qml" line="40"/>
        <source> fps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardHeader.qml" line="49"/>
        <source>Aspect ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardHeader.qml" line="55"/>
        <source>1 shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardHeader.qml" line="55"/>
        <source>%1 shots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardHeader.qml" line="56"/>
        <source>total %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoryboardPage</name>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="17"/>
        <source>Add shot after the current one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="18"/>
        <source>Duplicate selected shots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="19"/>
        <source>Delete selected shots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="20"/>
        <source>Move selected shots left / right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="21"/>
        <source>Select all shots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="22"/>
        <source>Previous / next shot (Shift extends the selection)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="23"/>
        <source>Edit the current shot&apos;s prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="24"/>
        <source>Back to the shot strip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="25"/>
        <source>Generate selected shots / all shots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="26"/>
        <source>Undo / redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="62"/>
        <source>+ Add shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="63"/>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="64"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="65"/>
        <source>Move left (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="66"/>
        <source>Move right (Alt+Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="70"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="72"/>
        <source>Undo %1 (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="77"/>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="79"/>
        <source>Redo %1 (Ctrl+Shift+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="85"/>
        <source>Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="86"/>
        <source>Generate the selected shots (Ctrl+G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="91"/>
        <source>Generate all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="92"/>
        <source>Generate every shot (Ctrl+Shift+G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="98"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="99"/>
        <source>Stop generating the current shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="105"/>
        <source>Resume queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="105"/>
        <source>Pause queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="106"/>
        <source>The shot being generated finishes; the next ones wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="113"/>
        <source>%1 in the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="114"/>
        <source>Show the queue: reorder or cancel waiting shots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="124"/>
        <source>%1 selected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TakesPanel</name>
    <message>
        <location filename="../qml/Storyboard/TakesPanel.qml" line="18"/>
        <source>Generation failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/TakesPanel.qml" line="19"/>
        <source>No takes yet. Generate the shot (Ctrl+G).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/TakesPanel.qml" line="49"/>
        <source>Take %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/TakesPanel.qml" line="59"/>
        <source>Use this take in the film (seed %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/TakesPanel.qml" line="84"/>
        <source>Regenerate (new take)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/TakesPanel.qml" line="84"/>
        <source>Generate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineClip</name>
    <message>
        <location filename="../qml/Timeline/TimelineClip.qml" line="46"/>
        <source>Not generated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Timeline/TimelineClip.qml" line="46"/>
        <source>(no prompt)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelinePage</name>
    <message>
        <location filename="../qml/Timeline/TimelinePage.qml" line="17"/>
        <source>Play / pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Timeline/TimelinePage.qml" line="18"/>
        <source>Play / back one second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Timeline/TimelinePage.qml" line="19"/>
        <source>Previous / next frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Timeline/TimelinePage.qml" line="20"/>
        <source>Previous / next shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Timeline/TimelinePage.qml" line="21"/>
        <source>Start / end of the film</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Timeline/TimelinePage.qml" line="22"/>
        <source>Trim the current shot to start / end at the playhead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Timeline/TimelinePage.qml" line="38"/>
        <source>Open or create a project to see its film here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Timeline/TimelinePage.qml" line="71"/>
        <source>The storyboard has no shots yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Timeline/TimelinePage.qml" line="72"/>
        <source>Shot %1 is not generated yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransportBar</name>
    <message>
        <location filename="../qml/Timeline/TransportBar.qml" line="18"/>
        <source>Start of the film (Home)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Timeline/TransportBar.qml" line="19"/>
        <source>Previous shot (Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Timeline/TransportBar.qml" line="20"/>
        <source>Previous frame (Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Timeline/TransportBar.qml" line="24"/>
        <source>Pause (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Timeline/TransportBar.qml" line="24"/>
        <source>Play (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Timeline/TransportBar.qml" line="28"/>
        <source>Next frame (Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Timeline/TransportBar.qml" line="29"/>
        <source>Next shot (Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Timeline/TransportBar.qml" line="30"/>
        <source>End of the film (End)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Timeline/TransportBar.qml" line="41"/>
        <source>Shot %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Timeline/TransportBar.qml" line="47"/>
        <source>No sound device: playing silently</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Timeline/TransportBar.qml" line="51"/>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Timeline/TransportBar.qml" line="52"/>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Timeline/TransportBar.qml" line="52"/>
        <source>Whole film in view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Timeline/TransportBar.qml" line="53"/>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>World</name>
    <message>
        <location filename="../src/engine/world/world.cpp" line="32"/>
        <source>The frame rate must be between 1 and 240 fps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/engine/world/world.cpp" line="35"/>
        <source>The shot must last between 0 and 600 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/engine/world/world.cpp" line="40"/>
        <source>Mass must be above 0 kg.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/engine/world/world.cpp" line="43"/>
        <source>All three size extents must be above 0 m.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/engine/world/world.cpp" line="52"/>
        <source>No entity &apos;%1&apos; in this shot; use one of the entities&apos; ids or leave it empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/engine/world/world.cpp" line="56"/>
        <source>Unknown path &apos;%1&apos;; use one of: %2, or leave it empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/engine/world/world.cpp" line="60"/>
        <source>The path &apos;%1&apos; needs a target entity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/engine/world/world.cpp" line="63"/>
        <source>Intensity must be between 0.1 and 3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/engine/world/world.cpp" line="145"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <location filename="../app/kinora-cli/convertcommand.cpp" line="13"/>
        <source>usage: kinora-cli convert INPUT OUTPUT
  INPUT:  .fountain, .json or .kinora
  OUTPUT: .json or .kinora
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/kinora-cli/convertcommand.cpp" line="22"/>
        <source>error: %1: output must end in .json or .kinora
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/kinora-cli/convertcommand.cpp" line="27"/>
        <location filename="../app/kinora-cli/convertcommand.cpp" line="31"/>
        <source>error: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/kinora-cli/convertcommand.cpp" line="34"/>
        <source>wrote %1 (shots: %2)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/kinora-cli/main.cpp" line="22"/>
        <source>usage: kinora-cli COMMAND [ARGS]
commands:
  convert INPUT OUTPUT   convert between .fountain (input), .json and .kinora
  plan STORYBOARD -o PLANS.json [options]   how Kinora understood each shot
  render STORYBOARD -o OUT.mp4 [options]    render the film (H.264 + AAC)
  export PROJECT.kinora -o OUT.mp4 [export options]   the watermarked film of the hero takes
options: --resolution 480p|720p|1080p  --fps N  --shots 1,3-4  --seed N
export options: --preset landscape-1080|landscape-720|vertical-1080|square-1080
  --quality high|balanced|fast  --range START-END | --shots 1,3-4
  --subtitles soft|burn|none  --handle @name  --poster POSTER.png  --skip-missing
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/kinora-cli/main.cpp" line="74"/>
        <source>error: unknown command &apos;%1&apos;
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kinora::audio</name>
    <message>
        <location filename="../src/audio/speech.cpp" line="26"/>
        <source>Line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/audio/speech.cpp" line="27"/>
        <source>Line %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/audio/speech.cpp" line="140"/>
        <source>%1: the line is empty; nothing was spoken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/audio/speech.cpp" line="145"/>
        <source>%1: nothing in &quot;%2&quot; can be spoken; the line was skipped. Write it in words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/audio/speech.cpp" line="150"/>
        <source>%1: removed characters that cannot be spoken (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/audio/speech.cpp" line="191"/>
        <source>%1: espeak-ng has no voice to speak it; the line was skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/audio/speech.cpp" line="195"/>
        <source>%1: language &apos;%2&apos; is not known; spoken in English.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/audio/speech.cpp" line="204"/>
        <source>%1: espeak-ng produced no sound for it; the line was skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/audio/speech.cpp" line="211"/>
        <source>%1 is longer than the %2 s left in the shot; it was left out. Shorten the line or lengthen the shot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/audio/speech.cpp" line="213"/>
        <source>%1 takes %2 s but only %3 s are left in the shot; it was left out. Shorten the line or lengthen the shot.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kinora::cli</name>
    <message>
        <location filename="../app/kinora-cli/rendercommand.cpp" line="56"/>
        <source>Shot %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/kinora-cli/rendercommand.cpp" line="102"/>
        <source>the folder for the film does not exist or cannot be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/kinora-cli/rendercommand.cpp" line="152"/>
        <source>shot %1/%2 reused from the cache (take %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/kinora-cli/rendercommand.cpp" line="157"/>
        <source>error: the project&apos;s generation queue is paused; resume it in the studio, then render again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/kinora-cli/rendercommand.cpp" line="168"/>
        <source>Shot %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/kinora-cli/renderproject.cpp" line="50"/>
        <source>The file does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/kinora-cli/renderproject.cpp" line="55"/>
        <source>kinora-cli render adds jobs and takes to the project, so it cannot run while the project is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/kinora-cli/renderproject.cpp" line="77"/>
        <source>The render cache folder cannot be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/kinora-cli/renderproject.cpp" line="83"/>
        <source>Another kinora-cli is rendering this storyboard right now; wait for it to finish, then render again (its takes will be reused).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/kinora-cli/renderproject.cpp" line="94"/>
        <source>The render cache could not be used (%1); it was started afresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/kinora-cli/renderworker.cpp" line="60"/>
        <source>error: the generation worker (kinora-engine) was not found beside kinora-cli in %1; reinstall Kinora, or set KINORA_ENGINE to its path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/kinora-cli/renderworker.cpp" line="82"/>
        <source>error: the render queue cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/kinora-cli/renderworker.cpp" line="87"/>
        <source>its job was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/kinora-cli/renderworker.cpp" line="88"/>
        <source>error: shot %1 could not be rendered (%2 %3): %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/kinora-cli/renderworker.cpp" line="91"/>
        <source>attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/kinora-cli/renderworker.cpp" line="91"/>
        <source>attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/kinora-cli/renderworker.cpp" line="100"/>
        <source>kinora-engine started (pid %1) for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/kinora-cli/renderworker.cpp" line="116"/>
        <source>error: the generation worker keeps stopping (%1); giving up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/kinora-cli/renderworker.cpp" line="120"/>
        <source>note: %1; it is restarted and the shot starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/kinora-cli/renderworker.cpp" line="134"/>
        <source>error: the generation worker found nothing to do, but %1 shots have no take.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kinora::exporting::ExportViewModel</name>
    <message>
        <location filename="../qml/Export/exportviewmodel.cpp" line="114"/>
        <location filename="../qml/Export/exportviewmodel.cpp" line="158"/>
        <source>Open a project to export it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Export/exportviewmodel.cpp" line="133"/>
        <source>1 shot, %1 s, exported at %2×%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Export/exportviewmodel.cpp" line="134"/>
        <source>%1 shots, %2 s, exported at %3×%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Export/exportviewmodel.cpp" line="136"/>
        <source>; shot %1 left out (not generated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Export/exportviewmodel.cpp" line="170"/>
        <source>Preparing the export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Export/exportviewmodel.cpp" line="196"/>
        <source>Encoding shot %1 of %2 · frame %3 of %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Export/exportviewmodel.cpp" line="209"/>
        <source>Export cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Export/exportviewmodel.cpp" line="220"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Export/exportviewmodel.cpp" line="228"/>
        <source>Exported %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kinora::storyboard::GenerationViewModel</name>
    <message>
        <location filename="../qml/Storyboard/generationviewmodel.cpp" line="90"/>
        <source>The generation worker stopped (%1); it was restarted and the shot starts again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kinora::storyboard::ShotPlanViewModel</name>
    <message>
        <location filename="../qml/Storyboard/shotplanviewmodel.cpp" line="104"/>
        <source>Line %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/shotplanviewmodel.cpp" line="107"/>
        <source>A plan is one JSON object: { &quot;environment&quot;: ..., &quot;entities&quot;: [...], ... }.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kinora::storyboard::StoryboardViewModel</name>
    <message>
        <location filename="../qml/Storyboard/storyboardviewmodel.cpp" line="54"/>
        <location filename="../qml/Storyboard/storyboardviewmodel.cpp" line="151"/>
        <source>All changes saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/storyboardviewmodel.cpp" line="59"/>
        <source>Not saved: %1 Kinora keeps retrying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/storyboardviewmodel.cpp" line="70"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/storyboardviewmodel.cpp" line="207"/>
        <source>Import failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/storyboardviewmodel.cpp" line="212"/>
        <source>Import found no shots.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/Storyboard/storyboardviewmodel.cpp" line="216"/>
        <source>Import %n shot(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/storyboardviewmodel.cpp" line="233"/>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/kinora/main.cpp" line="34"/>
        <source>Kinora Studio: storyboards to film</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/kinora/main.cpp" line="37"/>
        <source>Project to open (.kinora)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/kinora/main.cpp" line="39"/>
        <source>Report what the window shows once the project is open, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/kinora/main.cpp" line="41"/>
        <source>With --check: save the window to FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/kinora/main.cpp" line="44"/>
        <source>Benchmark: print frame times for SECONDS idle, then for SECONDS while every shot generates, and quit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>render</name>
    <message numerus="yes">
        <location filename="../app/kinora-cli/rendercommand.cpp" line="188"/>
        <source>joining %n take(s) %1%</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
