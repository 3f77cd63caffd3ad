def test_hub_renders(client):
    response = client.get("/")
    assert response.status_code == 200
    assert b"Hackathons" in response.data
