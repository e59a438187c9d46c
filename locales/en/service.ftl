# Service levels and low ratings (issue 30 items 2 and 3)
rating-low-alert = ⚠️ Low rating: a resident gave { $rating } out of 5 to the answer to ticket #{ $id } (Kelurahan { $kelurahan }), answered by { $officer }.
    Question: "{ $question }"
    Answer: "{ $answer }"
rating-low-no-officer = (not known)
rating-low-nothing = (no words)
rating-low-no-answer = (no officer's answer yet)
