<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
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
        <location filename="../qml/Storyboard/DialogueEditor.qml" line="51"/>
        <source>auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/DialogueEditor.qml" line="56"/>
        <source>Start time in seconds; empty follows the previous line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/DialogueEditor.qml" line="61"/>
        <source>Remove this line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/DialogueEditor.qml" line="68"/>
        <source>What they say</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/DialogueEditor.qml" line="76"/>
        <source>(how they say it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/DialogueEditor.qml" line="85"/>
        <source>Add dialogue line</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/App/Main.qml" line="19"/>
        <source>%1 — Kinora Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="19"/>
        <source>Kinora Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="44"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="45"/>
        <source>New Project…  (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="46"/>
        <source>Open Project…  (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="49"/>
        <source>Open Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="60"/>
        <source>Save As…  (Ctrl+Shift+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="62"/>
        <source>Import Screenplay or Storyboard…  (Ctrl+I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="63"/>
        <source>Export Storyboard JSON…  (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="65"/>
        <source>Close Project  (Ctrl+W)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="66"/>
        <source>Quit  (Ctrl+Q)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="69"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="70"/>
        <source>Undo %1  (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="71"/>
        <source>Redo %1  (Ctrl+Shift+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="73"/>
        <source>Add Shot  (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="74"/>
        <source>Duplicate Shots  (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="75"/>
        <source>Delete Shots  (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="76"/>
        <source>Select All Shots  (Ctrl+A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="79"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="90"/>
        <source>Dark Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="93"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="94"/>
        <source>Keyboard Shortcuts  (F1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="128"/>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="129"/>
        <source>Playback of the whole storyboard as one film, with trims. It arrives with the generation engine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="132"/>
        <source>Cameo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="133"/>
        <source>Record a short webcam clip, pass a liveness check and decide who may use your likeness.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="136"/>
        <source>Feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="137"/>
        <source>Profiles, follows, the following and for-you feeds, likes and remixes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="140"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="141"/>
        <source>Watermarked MP4 export with signed content credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="157"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="165"/>
        <source>New / open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="165"/>
        <source>Save as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="166"/>
        <source>Import screenplay / export JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/App/Main.qml" line="167"/>
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
    <name>ShotCard</name>
    <message>
        <location filename="../qml/Storyboard/ShotCard.qml" line="75"/>
        <source>Not generated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotCard.qml" line="91"/>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotCard.qml" line="110"/>
        <source>New scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotCard.qml" line="119"/>
        <source>Describe this shot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotCard.qml" line="129"/>
        <source>1 line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotCard.qml" line="129"/>
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
        <location filename="../qml/Storyboard/ShotEditor.qml" line="63"/>
        <source>Duration (seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="64"/>
        <source>Continuity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="82"/>
        <source>Continue from previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="82"/>
        <source>New scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="87"/>
        <source>Camera move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="88"/>
        <source>Framing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="104"/>
        <source>Style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="105"/>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="125"/>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="128"/>
        <source>A locked seed gives the same take every time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="133"/>
        <source>New random seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="140"/>
        <source>Dialogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="147"/>
        <source>Cameos (up to two)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="156"/>
        <source>@handle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="163"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/ShotEditor.qml" line="170"/>
        <source>Notes for the crew (not used for generation)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShotStrip</name>
    <message>
        <location filename="../qml/Storyboard/ShotStrip.qml" line="58"/>
        <source>No shots yet. Press Ctrl+Return to add one.</source>
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
        <location filename="../src/story/storyboarddocument.cpp" line="224"/>
        <source>Edit shot %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/story/storyboarddocument.cpp" line="234"/>
        <source>Change storyboard settings</source>
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
        <source>Undo / redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="61"/>
        <source>+ Add shot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="62"/>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="63"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="64"/>
        <source>Move left (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="65"/>
        <source>Move right (Alt+Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="69"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="71"/>
        <source>Undo %1 (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="76"/>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="78"/>
        <source>Redo %1 (Ctrl+Shift+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/StoryboardPage.qml" line="83"/>
        <source>%1 selected</source>
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
        <location filename="../app/kinora-cli/main.cpp" line="14"/>
        <source>usage: kinora-cli COMMAND [ARGS]
commands:
  convert INPUT OUTPUT   convert between .fountain (input), .json and .kinora
  plan STORYBOARD -o PLANS.json [options]   how Kinora understood each shot
  render STORYBOARD -o OUT.mp4 [options]    render the film (H.264 + AAC)
options: --resolution 480p|720p|1080p  --fps N  --shots 1,3-4  --seed N
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/kinora-cli/main.cpp" line="44"/>
        <source>error: unknown command &apos;%1&apos;
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kinora::storyboard::StoryboardViewModel</name>
    <message>
        <location filename="../qml/Storyboard/storyboardviewmodel.cpp" line="47"/>
        <location filename="../qml/Storyboard/storyboardviewmodel.cpp" line="141"/>
        <source>All changes saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/storyboardviewmodel.cpp" line="52"/>
        <source>Not saved: %1 Kinora keeps retrying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/storyboardviewmodel.cpp" line="63"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/storyboardviewmodel.cpp" line="197"/>
        <source>Import failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/storyboardviewmodel.cpp" line="202"/>
        <source>Import found no shots.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/Storyboard/storyboardviewmodel.cpp" line="206"/>
        <source>Import %n shot(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/Storyboard/storyboardviewmodel.cpp" line="223"/>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/kinora/main.cpp" line="32"/>
        <source>Kinora Studio: storyboards to film</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/kinora/main.cpp" line="35"/>
        <source>Project to open (.kinora)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/kinora/main.cpp" line="37"/>
        <source>Report what the window shows once the project is open, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/kinora/main.cpp" line="39"/>
        <source>With --check: save the window to FILE.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
